/**
 * Questionnaire version 2026-2. Replaces 2026-1 for new rounds; 2026-1 stays as it was for the
 * rounds that used it.
 *
 * What changed and why, item by item with the seed lines that support it:
 * docs/questionnaire-2026-2.md. In short: one idea per statement (splits), one meaning of "we"
 * (our own organisation; the section intros name both sides), questions about one's own side
 * instead of the other party's board, step 6 asks about aiming at combining activities, the
 * types of partnership are asked as types, and what each side brings is asked side by side.
 *
 * Statements that did not change are taken from 2026-1 by id, so "same" is true by construction.
 */
import type { PracticeItem, QuestionnaireVersion, StepDefinition, TraitDefinition, TraitItem } from '../types.ts';
import { v2026_1 } from './v2026-1.ts';

function carriedTrait(id: string): TraitItem {
	return v2026_1.traitItems.find((i) => i.id === id)!;
}
function carriedPractice(id: string): PracticeItem {
	return v2026_1.practiceItems.find((i) => i.id === id)!;
}
function carriedStep(step: number): StepDefinition {
	return v2026_1.steps.find((s) => s.step === step)!;
}

const traits: TraitDefinition[] = v2026_1.traits.map((t) =>
	// "Ömsesidighet" and "Ömsesidigt behov" read as one word twice in Swedish.
	t.id === 'mutual_need' ? { ...t, name: { ...t.name, sv: 'Behov av varandra' } } : t
);

const resourceOptions = v2026_1.descriptive.find((d) => d.id === 'resources')!.options;

export const v2026_2: QuestionnaireVersion = {
	id: '2026-2',
	scale: v2026_1.scale,
	cantSay: v2026_1.cantSay,
	traits,

	steps: [
		carriedStep(1),
		carriedStep(2),
		{
			step: 3,
			name: carriedStep(3).name,
			description: {
				fi: 'Organisaatioiden työntekijät tapaavat toisiaan verkostoissa ja vaihtavat säännöllisesti tietoa. Kun järjestö toimii vapaaehtoisten voimin, verkostoissa ovat mukana sen vapaaehtoiset. Yhteistä toimintaa on vielä vähän.',
				sv: 'De anställda i organisationerna träffas i nätverk och utbyter regelbundet information. När en förening arbetar med frivilliga är det de frivilliga som deltar i nätverken. Gemensam verksamhet finns det ännu lite av.',
				en: "The organisations' employees meet in networks and share information regularly. Where an association works through volunteers, its volunteers take part in the networks. There is still little joint activity."
			}
		},
		{
			step: 4,
			name: { ...carriedStep(4).name, sv: 'Verksamhetsinriktat samarbete' },
			description: carriedStep(4).description
		},
		carriedStep(5),
		{
			step: 6,
			name: { ...carriedStep(6).name, sv: 'Samarbete som syftar till att slå samman verksamheter' },
			description: {
				fi: 'Osapuolet tähtäävät siihen, että ne yhdistävät toimintojaan. Ne suunnittelevat yhdessä ja selvittävät, mitä yhdistäminen vaatisi, tai ovat jo yhdistäneet osan toiminnoistaan.',
				sv: 'Parterna strävar efter att slå samman verksamheter. De planerar tillsammans och utreder vad en sammanslagning skulle kräva, eller har redan slagit samman en del av verksamheten.',
				en: 'The parties aim at combining activities. They plan together and look into what combining would require, or have already combined some of their activities.'
			}
		}
	],

	traitItems: [
		{
			id: 'shared_goal.1',
			trait: 'shared_goal',
			text: {
				fi: 'Olemme sopineet toisen osapuolen kanssa yhteisestä tavoitteesta.',
				sv: 'Vi har kommit överens med den andra parten om ett gemensamt mål.',
				en: 'We have agreed on a shared goal with the other party.'
			}
		},
		carriedTrait('shared_goal.2'),
		carriedTrait('shared_goal.3'),

		{
			id: 'deliberate.1',
			trait: 'deliberate',
			text: {
				fi: 'Olemme valinneet tämän yhteistyön tietoisesti emmekä vain ajautuneet siihen.',
				sv: 'Vi har valt det här samarbetet medvetet och har inte bara hamnat i det.',
				en: 'We chose this cooperation on purpose and did not just drift into it.'
			}
		},
		carriedTrait('deliberate.2'),
		{
			id: 'deliberate.3a',
			trait: 'deliberate',
			text: {
				fi: 'Arvioimme säännöllisesti yhdessä toisen osapuolen kanssa, miten yhteistyö on sujunut.',
				sv: 'Vi utvärderar regelbundet tillsammans med den andra parten hur samarbetet har fungerat.',
				en: 'Together with the other party, we regularly review how the cooperation has gone.'
			}
		},
		{
			id: 'deliberate.3b',
			trait: 'deliberate',
			text: {
				fi: 'Kun jokin ei yhteistyössä toimi, muutamme tapaamme toimia.',
				sv: 'När något i samarbetet inte fungerar ändrar vi vårt sätt att arbeta.',
				en: 'When something in the cooperation does not work, we change the way we work.'
			}
		},

		carriedTrait('trust.1'),
		carriedTrait('trust.2'),
		carriedTrait('trust.3'),

		{
			id: 'concrete.1',
			trait: 'concrete',
			text: {
				fi: 'Yhteistyö näkyy tekoina eikä jää pelkäksi puheeksi.',
				sv: 'Samarbetet syns i handling och stannar inte vid ord.',
				en: 'The cooperation shows in actions, not only in words.'
			}
		},
		carriedTrait('concrete.2'),
		{
			id: 'concrete.3',
			trait: 'concrete',
			text: {
				fi: 'Yhteistyön tulokset näkyvät niille ihmisille, joita varten toimimme.',
				sv: 'Resultaten av samarbetet märks för de människor som vi arbetar för.',
				en: 'The results of the cooperation can be seen by the people we work for.'
			}
		},

		{
			id: 'reciprocity.1',
			trait: 'reciprocity',
			text: {
				fi: 'Yhteistyöstä on aitoa lisäarvoa sekä meille että toiselle osapuolelle.',
				sv: 'Samarbetet ger ett verkligt mervärde både för oss och för den andra parten.',
				en: 'The cooperation brings real added value both to us and to the other party.'
			}
		},
		carriedTrait('reciprocity.2'),
		{
			id: 'reciprocity.3a',
			trait: 'reciprocity',
			text: {
				fi: 'Kun pyydämme toiselta osapuolelta apua, saamme sitä.',
				sv: 'När vi ber den andra parten om hjälp får vi det.',
				en: 'When we ask the other party for help, we get it.'
			}
		},
		{
			id: 'reciprocity.3b',
			trait: 'reciprocity',
			text: {
				fi: 'Kun toinen osapuoli pyytää meiltä apua, autamme sitä.',
				sv: 'När den andra parten ber oss om hjälp hjälper vi den.',
				en: 'When the other party asks us for help, we help it.'
			}
		},

		{
			id: 'mutual_need.1',
			trait: 'mutual_need',
			text: {
				fi: 'Meidän ja toisen osapuolen voimavarat ja osaaminen täydentävät toisiaan.',
				sv: 'Våra och den andra partens resurser och kunnande kompletterar varandra.',
				en: 'Our resources and skills and those of the other party complement each other.'
			}
		},
		carriedTrait('mutual_need.2'),
		carriedTrait('mutual_need.3'),

		carriedTrait('respect.1'),
		{
			id: 'respect.2a',
			trait: 'respect',
			text: {
				fi: 'Arvostamme toisen osapuolen tapaa toimia, vaikka se eroaa omastamme.',
				sv: 'Vi uppskattar den andra partens sätt att arbeta, även när det skiljer sig från vårt.',
				en: "We value the other party's way of working, even when it differs from ours."
			}
		},
		{
			id: 'respect.2b',
			trait: 'respect',
			text: {
				fi: 'Toinen osapuoli arvostaa meidän tapaamme toimia.',
				sv: 'Den andra parten uppskattar vårt sätt att arbeta.',
				en: 'The other party values our way of working.'
			}
		},
		carriedTrait('respect.3'),

		carriedTrait('meeting_place.1'),
		{
			id: 'meeting_place.2a',
			trait: 'meeting_place',
			text: {
				fi: 'Yhteisille tapaamisillemme laaditaan asialista.',
				sv: 'Det görs upp en föredragningslista för våra gemensamma möten.',
				en: 'Our joint meetings have an agenda.'
			}
		},
		{
			id: 'meeting_place.2b',
			trait: 'meeting_place',
			text: {
				fi: 'Yhteisillä tapaamisillamme on tavoite, josta olemme sopineet yhdessä.',
				sv: 'Våra gemensamma möten har ett mål som vi har kommit överens om tillsammans.',
				en: 'Our joint meetings have a goal that we agreed on together.'
			}
		},
		carriedTrait('meeting_place.3')
	],

	practiceItems: [
		{
			id: 'step2.1',
			step: 2,
			text: {
				fi: 'Organisaatiomme ihmiset ja toisen osapuolen ihmiset tuntevat toisiaan henkilökohtaisesti.',
				sv: 'Personer i vår organisation och personer hos den andra parten känner varandra personligen.',
				en: 'People in our organisation and people of the other party know each other personally.'
			}
		},
		{
			id: 'step2.2',
			step: 2,
			text: {
				fi: 'Kun tarvitsemme jotain toiselta osapuolelta, tiedämme, keneen voimme ottaa suoraan yhteyttä.',
				sv: 'När vi behöver något av den andra parten vet vi vem vi kan kontakta direkt.',
				en: 'When we need something from the other party, we know whom we can contact directly.'
			}
		},
		carriedPractice('step2.3'),

		carriedPractice('step3.1'),
		{
			id: 'step3.2',
			step: 3,
			text: {
				fi: 'Meiltä useampi kuin yksi ihminen pitää yhteyttä toisen osapuolen ihmisiin.',
				sv: 'Fler än en person hos oss håller kontakt med personer hos den andra parten.',
				en: 'More than one person in our organisation keeps in touch with people of the other party.'
			}
		},
		{
			id: 'step3.3a',
			step: 3,
			text: {
				fi: 'Kerromme toiselle osapuolelle säännöllisesti omasta toiminnastamme.',
				sv: 'Vi berättar regelbundet för den andra parten om vår egen verksamhet.',
				en: 'We regularly tell the other party about our own activities.'
			}
		},
		{
			id: 'step3.3b',
			step: 3,
			text: {
				fi: 'Toinen osapuoli kertoo meille säännöllisesti omasta toiminnastaan.',
				sv: 'Den andra parten berättar regelbundet för oss om sin egen verksamhet.',
				en: 'The other party regularly tells us about its own activities.'
			}
		},

		carriedPractice('step4.1'),
		carriedPractice('step4.2'),
		carriedPractice('step4.3'),

		{
			id: 'step5.1',
			step: 5,
			text: {
				fi: 'Organisaatiomme johto tai hallitus on hyväksynyt yhteistyön kirjallisesti, esimerkiksi sopimuksella tai päätöksellä.',
				sv: 'Ledningen eller styrelsen i vår organisation har godkänt samarbetet skriftligt, till exempel genom ett avtal eller ett beslut.',
				en: 'The management or board of our organisation has approved the cooperation in writing, for example in an agreement or a decision.'
			}
		},
		carriedPractice('step5.2'),
		{
			id: 'step5.3',
			step: 5,
			text: {
				fi: 'Yhteistyö on kirjattu organisaatiomme toimintasuunnitelmaan tai talousarvioon.',
				sv: 'Samarbetet finns inskrivet i vår organisations verksamhetsplan eller budget.',
				en: "The cooperation is written into our organisation's plan of action or budget."
			}
		},

		{
			id: 'step6.2',
			step: 6,
			text: {
				fi: 'Suunnittelemme toimintaa yhdessä toisen osapuolen kanssa sen sijaan, että kumpikin suunnittelisi omansa erikseen.',
				sv: 'Vi planerar verksamheten tillsammans med den andra parten i stället för att var och en planerar sin egen för sig.',
				en: 'We plan activities together with the other party instead of each planning its own separately.'
			}
		},
		{
			id: 'step6.4',
			step: 6,
			text: {
				fi: 'Olemme sopineet toisen osapuolen kanssa, että tavoittelemme joidenkin toimintojen yhdistämistä.',
				sv: 'Vi har kommit överens med den andra parten om att sträva efter att slå samman en del av verksamheten.',
				en: 'We have agreed with the other party to aim at combining some of our activities.'
			}
		},
		{
			id: 'step6.5',
			step: 6,
			text: {
				fi: 'Olemme selvittäneet yhdessä toisen osapuolen kanssa, mitä toimintojen yhdistäminen vaatisi esimerkiksi rahoituksen, henkilöstön tai tilojen osalta.',
				sv: 'Vi har tillsammans med den andra parten utrett vad en sammanslagning av verksamheter skulle kräva, till exempel i fråga om finansiering, personal eller lokaler.',
				en: 'Together with the other party, we have looked into what combining activities would require, for example in funding, staff or premises.'
			}
		}
	],

	selfPlacement: {
		now: {
			id: 'stairs.now',
			text: v2026_1.selfPlacement.now.text,
			help: {
				fi: 'Kunkin portaan kuvaus on sen kohdalla. Valitse porras, joka kuvaa nykyistä tilannetta parhaiten. Ylemmät portaat rakentuvat alempien varaan.',
				sv: 'Beskrivningen av varje steg står vid steget. Välj det steg som bäst beskriver hur det är i dag. De högre stegen bygger på de lägre.',
				en: 'Each step has its description beside it. Choose the step that best describes how things are today. Higher steps build on the lower ones.'
			}
		},
		target: {
			id: 'stairs.target',
			text: v2026_1.selfPlacement.target.text,
			help: {
				fi: 'Valitse porras, joka on mielestäsi realistinen tavoite. Tavoitteena voi olla myös nykyinen porras, jos haluatte vahvistaa sitä.',
				sv: 'Välj ett steg som du tycker är ett realistiskt mål. Målet kan också vara det nuvarande steget, om ni vill stärka det.',
				en: 'Choose a step that you think is a realistic goal. The goal can also be your current step, if you want to make it stronger.'
			}
		}
	},

	descriptive: [
		{
			id: 'activities',
			text: {
				fi: 'Mitä teette yhdessä toisen osapuolen kanssa? Valitse kaikki sopivat.',
				sv: 'Vad gör ni tillsammans med den andra parten? Välj alla som passar.',
				en: 'What do you do together with the other party? Choose all that apply.'
			},
			help: {
				fi: 'Tämä kysymys ei vaikuta tuloksiin. Se kertoo, millaista kumppanuutta teillä on. Tila-, palvelu- ja budjettikumppanuus ovat kumppanuuden lajeja eivätkä portaita.',
				sv: 'Den här frågan påverkar inte resultaten. Den visar vilket slags partnerskap ni har. Lokal-, tjänste- och budgetpartnerskap är typer av partnerskap, inte steg i trappan.',
				en: 'This question does not affect the results. It shows what kind of partnership you have. Premises, service and budget partnerships are types of partnership, not steps of the stairs.'
			},
			options: v2026_1.descriptive.find((d) => d.id === 'activities')!.options.filter((o) => o.id !== 'area' && o.id !== 'theme')
		},
		{
			id: 'scope',
			text: {
				fi: 'Rajautuuko yhteistyönne tiettyyn alueeseen tai teemaan? Valitse kaikki sopivat.',
				sv: 'Är ert samarbete avgränsat till ett visst område eller tema? Välj alla som passar.',
				en: 'Is your cooperation limited to a certain area or theme? Choose all that apply.'
			},
			help: {
				fi: 'Jos yhteistyö ei rajaudu kumpaankaan, jätä molemmat valitsematta.',
				sv: 'Om samarbetet inte är avgränsat på något av sätten lämnar du båda tomma.',
				en: 'If the cooperation is limited in neither way, leave both unticked.'
			},
			options: [
				{
					id: 'area',
					label: {
						fi: 'Tiettyyn alueeseen, esimerkiksi kylään tai kaupunginosaan',
						sv: 'Ett visst område, till exempel en by eller en stadsdel',
						en: 'A certain area, such as a village or a district'
					}
				},
				{
					id: 'theme',
					label: {
						fi: 'Tiettyyn teemaan, esimerkiksi ikäihmisten hyvinvointiin',
						sv: 'Ett visst tema, till exempel äldres välbefinnande',
						en: 'A certain theme, such as the wellbeing of older people'
					}
				}
			]
		},
		{
			id: 'our_resources',
			text: {
				fi: 'Mitä voimavaroja oma organisaatiosi tuo kumppanuuteen? Valitse kaikki sopivat.',
				sv: 'Vilka resurser för din egen organisation in i partnerskapet? Välj alla som passar.',
				en: 'Which resources does your own organisation bring to the partnership? Choose all that apply.'
			},
			help: {
				fi: 'Voimavaroja ovat rahan lisäksi esimerkiksi työ, tieto ja yhteydet.',
				sv: 'Resurser är förutom pengar till exempel arbete, kunskap och kontakter.',
				en: 'Besides money, resources include work, knowledge and contacts, for example.'
			},
			options: resourceOptions
		},
		{
			id: 'their_resources',
			text: {
				fi: 'Mitä voimavaroja toinen osapuoli tuo kumppanuuteen? Valitse kaikki sopivat.',
				sv: 'Vilka resurser för den andra parten in i partnerskapet? Välj alla som passar.',
				en: 'Which resources does the other party bring to the partnership? Choose all that apply.'
			},
			options: resourceOptions
		}
	],

	comment: v2026_1.comment,

	sections: {
		traits: {
			title: v2026_1.sections.traits.title,
			intro: {
				fi: 'Näillä väitteillä selvitetään, miten kumppanuuden tunnuspiirteet näkyvät yhteistyössänne. Väitteissä ”me” tarkoittaa omaa organisaatiotasi ({own}) ja ”toinen osapuoli” kumppanianne ({other}). Valitse, kuinka samaa mieltä olet, tai ”En osaa sanoa”.',
				sv: 'Med de här påståendena tar vi reda på hur partnerskapets kännetecken syns i ert samarbete. I påståendena betyder ”vi” din egen organisation ({own}) och ”den andra parten” er partner ({other}). Välj hur mycket du håller med, eller ”Kan inte säga”.',
				en: "These statements ask how the traits of partnership show in your cooperation. In them, “we” means your own organisation ({own}) and “the other party” means your partner ({other}). Choose how much you agree, or “I can't say”."
			}
		},
		practice: {
			title: v2026_1.sections.practice.title,
			intro: {
				fi: 'Nämä väitteet koskevat sitä, mitä yhteistyössä käytännössä tapahtuu. Tässäkin ”me” tarkoittaa omaa organisaatiotasi ({own}). Vastaa sen perusteella, mitä olet itse nähnyt tai tiedät varmasti.',
				sv: 'De här påståendena handlar om vad som faktiskt händer i samarbetet. Också här betyder ”vi” din egen organisation ({own}). Svara utifrån det som du själv har sett eller vet säkert.',
				en: 'These statements are about what actually happens in the cooperation. Here too, “we” means your own organisation ({own}). Answer based on what you have seen yourself or know for sure.'
			}
		},
		stairs: {
			title: v2026_1.sections.stairs.title,
			intro: {
				fi: 'Yhteistyön portaat kuvaavat, miten yhteistyö syvenee porras portaalta kohti kumppanuutta. Kerro, millä portaalla olette nyt ja mille portaalle haluatte nousta.',
				sv: 'Samarbetstrappan visar hur samarbetet fördjupas steg för steg mot partnerskap. Berätta vilket steg ni står på nu och vilket steg ni vill nå.',
				en: 'The collaboration stairs show how cooperation deepens step by step towards partnership. Tell us which step you are on now and which step you want to reach.'
			}
		},
		profile: {
			title: v2026_1.sections.profile.title,
			intro: {
				fi: 'Lopuksi kysymme, mitä teette yhdessä, rajautuuko yhteistyö johonkin alueeseen tai teemaan ja mitä kumpikin osapuoli tuo kumppanuuteen. Nämä kysymykset eivät vaikuta tuloksiin. Voit myös kirjoittaa oman kommentin.',
				sv: 'Till sist frågar vi vad ni gör tillsammans, om samarbetet är avgränsat till ett område eller tema och vad var och en av parterna för in i partnerskapet. Frågorna påverkar inte resultaten. Du kan också skriva en egen kommentar.',
				en: 'Finally, we ask what you do together, whether the cooperation is limited to an area or a theme, and what each party brings to the partnership. These questions do not affect the results. You can also write a comment of your own.'
			}
		}
	},

	lineage: {
		previous: '2026-1',
		items: {
			'shared_goal.1': { relation: 'reworded', from: 'shared_goal.1' },
			'shared_goal.2': { relation: 'same', from: 'shared_goal.2' },
			'shared_goal.3': { relation: 'same', from: 'shared_goal.3' },
			'deliberate.1': { relation: 'reworded', from: 'deliberate.1' },
			'deliberate.2': { relation: 'same', from: 'deliberate.2' },
			'deliberate.3a': { relation: 'split', from: 'deliberate.3' },
			'deliberate.3b': { relation: 'split', from: 'deliberate.3' },
			'trust.1': { relation: 'same', from: 'trust.1' },
			'trust.2': { relation: 'same', from: 'trust.2' },
			'trust.3': { relation: 'same', from: 'trust.3' },
			'concrete.1': { relation: 'reworded', from: 'concrete.1' },
			'concrete.2': { relation: 'same', from: 'concrete.2' },
			'concrete.3': { relation: 'reworded', from: 'concrete.3' },
			'reciprocity.1': { relation: 'reworded', from: 'reciprocity.1' },
			'reciprocity.2': { relation: 'same', from: 'reciprocity.2' },
			'reciprocity.3a': { relation: 'split', from: 'reciprocity.3' },
			'reciprocity.3b': { relation: 'split', from: 'reciprocity.3' },
			'mutual_need.1': { relation: 'reworded', from: 'mutual_need.1' },
			'mutual_need.2': { relation: 'same', from: 'mutual_need.2' },
			'mutual_need.3': { relation: 'same', from: 'mutual_need.3' },
			'respect.1': { relation: 'same', from: 'respect.1' },
			'respect.2a': { relation: 'split', from: 'respect.2' },
			'respect.2b': { relation: 'split', from: 'respect.2' },
			'respect.3': { relation: 'same', from: 'respect.3' },
			'meeting_place.1': { relation: 'same', from: 'meeting_place.1' },
			'meeting_place.2a': { relation: 'split', from: 'meeting_place.2' },
			'meeting_place.2b': { relation: 'split', from: 'meeting_place.2' },
			'meeting_place.3': { relation: 'same', from: 'meeting_place.3' },
			'step2.1': { relation: 'reworded', from: 'step2.1' },
			'step2.2': { relation: 'reworded', from: 'step2.2' },
			'step2.3': { relation: 'same', from: 'step2.3' },
			'step3.1': { relation: 'same', from: 'step3.1' },
			'step3.2': { relation: 'reworded', from: 'step3.2' },
			'step3.3a': { relation: 'split', from: 'step3.3' },
			'step3.3b': { relation: 'split', from: 'step3.3' },
			'step4.1': { relation: 'same', from: 'step4.1' },
			'step4.2': { relation: 'same', from: 'step4.2' },
			'step4.3': { relation: 'same', from: 'step4.3' },
			'step5.1': { relation: 'reworded', from: 'step5.1' },
			'step5.2': { relation: 'same', from: 'step5.2' },
			'step5.3': { relation: 'reworded', from: 'step5.3' },
			'step6.2': { relation: 'reworded', from: 'step6.2' },
			'step6.4': { relation: 'new' },
			'step6.5': { relation: 'new' },
			'stairs.now': { relation: 'same', from: 'stairs.now' },
			'stairs.target': { relation: 'same', from: 'stairs.target' },
			activities: { relation: 'split', from: 'activities' },
			scope: { relation: 'split', from: 'activities' },
			our_resources: { relation: 'split', from: 'resources' },
			their_resources: { relation: 'split', from: 'resources' },
			comment: { relation: 'same', from: 'comment' }
		},
		dropped: ['step6.1', 'step6.3']
	},

	distinctions: [
		{ id: 'equality', name: { fi: 'Yhdenvertaisuus', sv: 'Jämlikhet', en: 'Equality' }, items: ['respect.1'] },
		{
			id: 'open_interaction',
			name: { fi: 'Avoin vuorovaikutus', sv: 'Öppen växelverkan', en: 'Open interaction' },
			items: ['trust.2']
		},
		{
			id: 'added_value',
			name: { fi: 'Lisäarvo molemmille', sv: 'Mervärde för båda', en: 'Added value for both' },
			items: ['reciprocity.1']
		},
		{
			id: 'complementary_resources',
			name: { fi: 'Toisiaan täydentävät voimavarat', sv: 'Resurser som kompletterar varandra', en: 'Complementary resources' },
			items: ['mutual_need.1']
		}
	]
};
