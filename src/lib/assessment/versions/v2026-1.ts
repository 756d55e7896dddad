/**
 * Questionnaire version 2026-1: the first version of the Portaat questionnaire.
 *
 * Finnish is the source language; Swedish (Finland Swedish) and English follow.
 * All statements are worded positively: more agreement means more partnership.
 * Statements speak of "the other party" so that the same text works for both sides.
 * Trait ids and step numbers are stable; wording belongs to this version only.
 */
import type { QuestionnaireVersion } from '../types.ts';

export const v2026_1: QuestionnaireVersion = {
	id: '2026-1',

	scale: {
		1: {
			fi: 'Täysin eri mieltä',
			sv: 'Helt av annan åsikt',
			en: 'Strongly disagree'
		},
		2: {
			fi: 'Jokseenkin eri mieltä',
			sv: 'Delvis av annan åsikt',
			en: 'Somewhat disagree'
		},
		3: {
			fi: 'Ei samaa eikä eri mieltä',
			sv: 'Varken av samma eller annan åsikt',
			en: 'Neither agree nor disagree'
		},
		4: {
			fi: 'Jokseenkin samaa mieltä',
			sv: 'Delvis av samma åsikt',
			en: 'Somewhat agree'
		},
		5: {
			fi: 'Täysin samaa mieltä',
			sv: 'Helt av samma åsikt',
			en: 'Strongly agree'
		}
	},

	cantSay: {
		fi: 'En osaa sanoa',
		sv: 'Kan inte säga',
		en: "I can't say"
	},

	traits: [
		{
			id: 'shared_goal',
			name: { fi: 'Yhteinen tavoite', sv: 'Gemensamt mål', en: 'Shared goal' },
			description: {
				fi: 'Osapuolilla on tavoite, josta ne ovat sopineet yhdessä. Kumpikin tietää, mihin yhteistyöllä pyritään.',
				sv: 'Parterna har ett mål som de har kommit överens om tillsammans. Båda vet vad samarbetet ska leda till.',
				en: 'The parties have a goal that they agreed on together. Both know what the cooperation is meant to achieve.'
			}
		},
		{
			id: 'deliberate',
			name: { fi: 'Harkittu yhteistyö', sv: 'Genomtänkt samarbete', en: 'Deliberate cooperation' },
			description: {
				fi: 'Yhteistyö on tietoinen valinta eikä pelkkää sattumaa. Osapuolet ovat miettineet, miksi ja miten ne toimivat yhdessä.',
				sv: 'Samarbetet är ett medvetet val och ingen slump. Parterna har funderat på varför och hur de arbetar tillsammans.',
				en: 'The cooperation is a conscious choice, not a coincidence. The parties have thought about why and how they work together.'
			}
		},
		{
			id: 'trust',
			name: { fi: 'Luottamus', sv: 'Förtroende', en: 'Trust' },
			description: {
				fi: 'Osapuolet voivat luottaa toisiinsa ja puhua avoimesti. Sovitut asiat hoidetaan, ja vaikeistakin asioista voi puhua.',
				sv: 'Parterna kan lita på varandra och tala öppet. Det som har avtalats blir gjort, och också svåra saker kan tas upp.',
				en: 'The parties can rely on each other and speak openly. What was agreed gets done, and difficult matters can be raised too.'
			}
		},
		{
			id: 'concrete',
			name: { fi: 'Konkreettinen tekeminen', sv: 'Konkret handling', en: 'Concrete action' },
			description: {
				fi: 'Yhteistyössä tehdään käytännön asioita, ei vain puhuta. Tulokset voi nähdä ja niistä voi kertoa muille.',
				sv: 'I samarbetet gör man praktiska saker och pratar inte bara. Resultaten går att se och berätta om för andra.',
				en: 'The cooperation does practical things, not just talk. Its results can be seen and shown to others.'
			}
		},
		{
			id: 'reciprocity',
			name: { fi: 'Vastavuoroisuus', sv: 'Ömsesidighet', en: 'Reciprocity' },
			description: {
				fi: 'Molemmat antavat ja molemmat saavat. Yhteistyöstä on aitoa hyötyä kummallekin osapuolelle.',
				sv: 'Båda ger och båda får. Samarbetet ger ett verkligt mervärde för båda parterna.',
				en: 'Both give and both receive. The cooperation brings real added value to each party.'
			}
		},
		{
			id: 'mutual_need',
			name: { fi: 'Molemminpuolinen tarve', sv: 'Ömsesidigt behov', en: 'Mutual need' },
			description: {
				fi: 'Osapuolet ymmärtävät, että ne tarvitsevat toisiaan. Kummallakin on jotain, mitä toiselta puuttuu.',
				sv: 'Parterna förstår att de behöver varandra. Var och en har något som den andra saknar.',
				en: 'The parties understand that they need each other. Each has something that the other lacks.'
			}
		},
		{
			id: 'respect',
			name: { fi: 'Kunnioitus', sv: 'Respekt', en: 'Respect' },
			description: {
				fi: 'Osapuolet kunnioittavat toisiaan ja arvostavat toistensa omaa luonnetta ja tapaa toimia. Kumpikin on yhteistyössä yhtä tärkeä.',
				sv: 'Parterna respekterar varandra och värdesätter varandras egenart och sätt att arbeta. Båda är lika viktiga i samarbetet.',
				en: "The parties respect each other and value each other's own character and way of working. Both are equally important in the cooperation."
			}
		},
		{
			id: 'meeting_place',
			name: {
				fi: 'Paikka ja rakenne tapaamisille',
				sv: 'Plats och struktur för möten',
				en: 'Place and structure for meeting'
			},
			description: {
				fi: 'Osapuolilla on sovittu paikka ja tapa tavata säännöllisesti. Tapaamisissa sovitaan, kuka tekee mitä.',
				sv: 'Parterna har en överenskommen plats och ett sätt att träffas regelbundet. På mötena kommer man överens om vem som gör vad.',
				en: 'The parties have an agreed place and way to meet regularly. At the meetings they agree on who does what.'
			}
		}
	],

	steps: [
		{
			step: 1,
			name: { fi: 'Ei yhteistyötä', sv: 'Inget samarbete', en: 'No cooperation' },
			description: {
				fi: 'Kumpikin osapuoli toimii omillaan. Ne eivät tunne toistensa toimintaa eivätkä pidä yhteyttä.',
				sv: 'Var och en av parterna arbetar för sig. De känner inte till varandras verksamhet och håller inte kontakt.',
				en: "Each party works on its own. They do not know each other's work and are not in contact."
			}
		},
		{
			step: 2,
			name: {
				fi: 'Henkilökohtaisiin yhteyksiin perustuva yhteistyö',
				sv: 'Samarbete som bygger på personliga kontakter',
				en: 'Cooperation based on personal contacts'
			},
			description: {
				fi: 'Yksittäiset ihmiset tuntevat toisensa ja ottavat suoraan yhteyttä, kun jotain tarvitaan. Yhteistyö riippuu siitä, keitä nämä ihmiset ovat.',
				sv: 'Enskilda personer känner varandra och tar direkt kontakt när något behövs. Samarbetet hänger på vilka de här personerna är.',
				en: 'Individual people know each other and get in touch directly when something is needed. The cooperation depends on who these people are.'
			}
		},
		{
			step: 3,
			name: {
				fi: 'Työntekijöiden verkostoitumiseen perustuva yhteistyö',
				sv: 'Samarbete som bygger på personalens nätverkande',
				en: "Cooperation based on employees' networking"
			},
			description: {
				fi: 'Työntekijät ja vapaaehtoiset tapaavat toisiaan verkostoissa ja vaihtavat tietoa säännöllisesti. Yhteistä toimintaa on vielä vähän.',
				sv: 'Anställda och frivilliga träffas i nätverk och utbyter information regelbundet. Gemensam verksamhet finns det ännu lite av.',
				en: 'Employees and volunteers meet in networks and share information regularly. There is still little joint activity.'
			}
		},
		{
			step: 4,
			name: {
				fi: 'Toiminnallisesti suuntautunut yhteistyö',
				sv: 'Funktionellt inriktat samarbete',
				en: 'Functionally oriented cooperation'
			},
			description: {
				fi: 'Osapuolet tekevät yhdessä konkreettisia asioita, kuten tapahtumia, toimintaa tai palveluja. Työnjaosta sovitaan yhdessä.',
				sv: 'Parterna gör konkreta saker tillsammans, till exempel evenemang, verksamhet eller tjänster. Arbetsfördelningen kommer de överens om tillsammans.',
				en: 'The parties do concrete things together, such as events, activities or services. They agree together on who does what.'
			}
		},
		{
			step: 5,
			name: {
				fi: 'Organisatorisesti suuntautunut yhteistyö',
				sv: 'Organisatoriskt inriktat samarbete',
				en: 'Organisationally oriented cooperation'
			},
			description: {
				fi: 'Organisaatiot ovat sopineet yhteistyöstä, esimerkiksi kirjallisella sopimuksella, ja johto on sitoutunut siihen. Yhteistyö on mukana suunnitelmissa ja jatkuu, vaikka ihmiset vaihtuvat.',
				sv: 'Organisationerna har kommit överens om samarbetet, till exempel i ett skriftligt avtal, och ledningen står bakom det. Samarbetet finns med i planerna och fortsätter även när personerna byts ut.',
				en: 'The organisations have agreed on the cooperation, for example in a written agreement, and their management is committed to it. The cooperation is part of their plans and continues when people change.'
			}
		},
		{
			step: 6,
			name: {
				fi: 'Toimintojen yhdistämiseen tähtäävä yhteistyö',
				sv: 'Samarbete som siktar mot att sammanföra verksamheter',
				en: 'Cooperation aiming at merging activities'
			},
			description: {
				fi: 'Osapuolet yhdistävät toimintaansa, voimavarojaan tai tilojaan. Ne suunnittelevat yhdessä, ja niillä voi olla yhteiset palvelut, yhteinen budjetti tai yhteistä henkilöstöä.',
				sv: 'Parterna för samman verksamhet, resurser eller lokaler. De planerar tillsammans och kan ha gemensamma tjänster, en gemensam budget eller gemensam personal.',
				en: 'The parties combine activities, resources or premises. They plan together and may have shared services, a shared budget or shared staff.'
			}
		}
	],

	traitItems: [
		// Shared goal
		{
			id: 'shared_goal.1',
			trait: 'shared_goal',
			text: {
				fi: 'Olemme sopineet toisen osapuolen kanssa yhteisen tavoitteen yhteistyöllemme.',
				sv: 'Vi har kommit överens med den andra parten om ett gemensamt mål för vårt samarbete.',
				en: 'We have agreed on a shared goal for our cooperation with the other party.'
			}
		},
		{
			id: 'shared_goal.2',
			trait: 'shared_goal',
			text: {
				fi: 'Osaan kertoa omin sanoin, mihin yhteistyöllämme pyritään.',
				sv: 'Jag kan med egna ord berätta vad vårt samarbete strävar efter.',
				en: 'I can explain in my own words what our cooperation aims to achieve.'
			}
		},
		{
			id: 'shared_goal.3',
			trait: 'shared_goal',
			text: {
				fi: 'Toinen osapuoli ymmärtää yhteisen tavoitteemme samalla tavalla kuin me.',
				sv: 'Den andra parten förstår vårt gemensamma mål på samma sätt som vi.',
				en: 'The other party understands our shared goal in the same way as we do.'
			}
		},

		// Deliberate cooperation
		{
			id: 'deliberate.1',
			trait: 'deliberate',
			text: {
				fi: 'Olemme valinneet tämän yhteistyön tietoisesti, emmekä vain ajautuneet siihen.',
				sv: 'Vi har valt det här samarbetet medvetet och inte bara hamnat i det.',
				en: 'We chose this cooperation on purpose; we did not just drift into it.'
			}
		},
		{
			id: 'deliberate.2',
			trait: 'deliberate',
			text: {
				fi: 'Tiedämme, miksi teemme yhteistyötä juuri tämän osapuolen kanssa.',
				sv: 'Vi vet varför vi samarbetar just med den här parten.',
				en: 'We know why we cooperate with this particular party.'
			}
		},
		{
			id: 'deliberate.3',
			trait: 'deliberate',
			text: {
				fi: 'Käymme toisen osapuolen kanssa läpi, miten yhteistyö on sujunut, ja muutamme tapojamme tarvittaessa.',
				sv: 'Tillsammans med den andra parten går vi igenom hur samarbetet har gått, och vi ändrar vårt arbetssätt vid behov.',
				en: 'Together with the other party, we look back at how the cooperation has gone and change our ways when needed.'
			}
		},

		// Trust
		{
			id: 'trust.1',
			trait: 'trust',
			text: {
				fi: 'Voin luottaa siihen, että toinen osapuoli tekee sen, mistä on sovittu.',
				sv: 'Jag kan lita på att den andra parten gör det som vi har kommit överens om.',
				en: 'I can trust the other party to do what was agreed.'
			}
		},
		{
			id: 'trust.2',
			trait: 'trust',
			text: {
				fi: 'Voimme puhua toisen osapuolen kanssa avoimesti myös ongelmista ja erimielisyyksistä.',
				sv: 'Vi kan tala öppet med den andra parten, också om problem och meningsskiljaktigheter.',
				en: 'We can talk openly with the other party, also about problems and disagreements.'
			}
		},
		{
			id: 'trust.3',
			trait: 'trust',
			text: {
				fi: 'Toinen osapuoli kertoo meille ajoissa asioista, jotka vaikuttavat yhteistyöhömme.',
				sv: 'Den andra parten berättar i god tid för oss om saker som påverkar vårt samarbete.',
				en: 'The other party tells us in good time about things that affect our cooperation.'
			}
		},

		// Concrete action
		{
			id: 'concrete.1',
			trait: 'concrete',
			text: {
				fi: 'Yhteistyömme näkyy tekoina eikä jää pelkäksi puheeksi.',
				sv: 'Vårt samarbete syns i handling och stannar inte vid ord.',
				en: 'Our cooperation shows in actions, not only in words.'
			}
		},
		{
			id: 'concrete.2',
			trait: 'concrete',
			text: {
				fi: 'Osaan nimetä jotain, minkä olemme saaneet aikaan yhdessä toisen osapuolen kanssa viimeisen vuoden aikana.',
				sv: 'Jag kan nämna något som vi har åstadkommit tillsammans med den andra parten under det senaste året.',
				en: 'I can name something that we have achieved together with the other party during the past year.'
			}
		},
		{
			id: 'concrete.3',
			trait: 'concrete',
			text: {
				fi: 'Yhteistyömme tulokset näkyvät niille ihmisille, joita varten toimimme.',
				sv: 'Resultaten av vårt samarbete märks för de människor som vi arbetar för.',
				en: 'The results of our cooperation can be seen by the people we work for.'
			}
		},

		// Reciprocity
		{
			id: 'reciprocity.1',
			trait: 'reciprocity',
			text: {
				fi: 'Molemmat osapuolet saavat yhteistyöstämme aitoa lisäarvoa.',
				sv: 'Båda parterna får ett verkligt mervärde av vårt samarbete.',
				en: 'Both parties get real added value from our cooperation.'
			}
		},
		{
			id: 'reciprocity.2',
			trait: 'reciprocity',
			text: {
				fi: 'Kumpikin osapuoli antaa yhteistyöhön jotakin, esimerkiksi aikaa, työtä, tiloja tai osaamista.',
				sv: 'Båda parterna bidrar med något till samarbetet, till exempel tid, arbete, lokaler eller kunnande.',
				en: 'Each party contributes something to the cooperation, for example time, work, premises or skills.'
			}
		},
		{
			id: 'reciprocity.3',
			trait: 'reciprocity',
			text: {
				fi: 'Kun pyydämme apua, toinen osapuoli auttaa meitä, ja me autamme, kun se pyytää.',
				sv: 'När vi ber om hjälp hjälper den andra parten oss, och vi hjälper till när den ber om det.',
				en: 'When we ask for help, the other party helps us, and we help when it asks.'
			}
		},

		// Mutual need
		{
			id: 'mutual_need.1',
			trait: 'mutual_need',
			text: {
				fi: 'Meidän ja toisen osapuolen voimavarat ja taidot täydentävät hyvin toisiaan.',
				sv: 'Våra och den andra partens resurser och kunskaper kompletterar varandra väl.',
				en: "Our resources and skills complement the other party's resources and skills well."
			}
		},
		{
			id: 'mutual_need.2',
			trait: 'mutual_need',
			text: {
				fi: 'Emme saisi yksin aikaan sitä, mitä saamme aikaan yhdessä toisen osapuolen kanssa.',
				sv: 'Ensamma skulle vi inte kunna åstadkomma det som vi åstadkommer tillsammans med den andra parten.',
				en: 'On our own, we could not achieve what we achieve together with the other party.'
			}
		},
		{
			id: 'mutual_need.3',
			trait: 'mutual_need',
			text: {
				fi: 'Toinen osapuoli ottaa meihin yhteyttä, kun se tarvitsee osaamistamme tai apuamme.',
				sv: 'Den andra parten kontaktar oss när den behöver vårt kunnande eller vår hjälp.',
				en: 'The other party contacts us when it needs our skills or our help.'
			}
		},

		// Respect
		{
			id: 'respect.1',
			trait: 'respect',
			text: {
				fi: 'Toinen osapuoli kohtelee meitä tasavertaisena kumppanina.',
				sv: 'Den andra parten behandlar oss som en jämlik partner.',
				en: 'The other party treats us as an equal partner.'
			}
		},
		{
			id: 'respect.2',
			trait: 'respect',
			text: {
				fi: 'Arvostamme toistemme erilaisia tapoja toimia, vaikka ne eroavat omistamme.',
				sv: 'Vi uppskattar varandras olika sätt att arbeta, även när de skiljer sig från våra egna.',
				en: "We value each other's different ways of working, even when they differ from our own."
			}
		},
		{
			id: 'respect.3',
			trait: 'respect',
			text: {
				fi: 'Yhteisissä tapaamisissa kummankin osapuolen ääni tulee kuulluksi.',
				sv: 'På gemensamma möten blir båda parternas röst hörd.',
				en: 'In our joint meetings, the voices of both parties are heard.'
			}
		},

		// Place and structure for meeting
		{
			id: 'meeting_place.1',
			trait: 'meeting_place',
			text: {
				fi: 'Tapaamme toisen osapuolen kanssa säännöllisesti sovittuna aikana ja sovitussa paikassa.',
				sv: 'Vi träffar den andra parten regelbundet på en överenskommen tid och plats.',
				en: 'We meet the other party regularly at an agreed time and place.'
			}
		},
		{
			id: 'meeting_place.2',
			trait: 'meeting_place',
			text: {
				fi: 'Yhteisillä tapaamisillamme on asialista ja yhdessä sovittu tavoite.',
				sv: 'Våra gemensamma möten har en dagordning och ett mål som vi har kommit överens om tillsammans.',
				en: 'Our joint meetings have an agenda and a goal that we agreed on together.'
			}
		},
		{
			id: 'meeting_place.3',
			trait: 'meeting_place',
			text: {
				fi: 'Tapaamisissa kirjataan ylös, mitä sovittiin ja kuka tekee mitä.',
				sv: 'På mötena skrivs det upp vad som avtalades och vem som gör vad.',
				en: 'At the meetings, someone writes down what was agreed and who does what.'
			}
		}
	],

	practiceItems: [
		// Step 2: personal contacts
		{
			id: 'step2.1',
			step: 2,
			text: {
				fi: 'Tunnen henkilökohtaisesti ainakin yhden ihmisen toiselta osapuolelta.',
				sv: 'Jag känner personligen minst en person hos den andra parten.',
				en: 'I personally know at least one person from the other party.'
			}
		},
		{
			id: 'step2.2',
			step: 2,
			text: {
				fi: 'Kun tarvitsen jotain toiselta osapuolelta, tiedän, kehen voin ottaa suoraan yhteyttä.',
				sv: 'När jag behöver något av den andra parten vet jag vem jag kan kontakta direkt.',
				en: 'When I need something from the other party, I know whom I can contact directly.'
			}
		},
		{
			id: 'step2.3',
			step: 2,
			text: {
				fi: 'Meidän ja toisen osapuolen ihmiset soittavat tai viestivät toisilleen suoraan, kun asiaa on.',
				sv: 'Personer hos oss och hos den andra parten ringer eller skriver direkt till varandra när det behövs.',
				en: "People on our side and on the other party's side call or message each other directly when needed."
			}
		},

		// Step 3: employees' networking
		{
			id: 'step3.1',
			step: 3,
			text: {
				fi: 'Työntekijät tai vapaaehtoiset kummaltakin osapuolelta tapaavat toisiaan samoissa verkostoissa.',
				sv: 'Anställda eller frivilliga från båda parterna träffas i samma nätverk.',
				en: 'Employees or volunteers from both parties meet each other in the same networks.'
			}
		},
		{
			id: 'step3.2',
			step: 3,
			text: {
				fi: 'Yhteistyö ei ole yhden ihmisen varassa: meiltä useampi ihminen tuntee toisen osapuolen väkeä.',
				sv: 'Samarbetet hänger inte på en enda person: flera hos oss känner folk hos den andra parten.',
				en: 'The cooperation does not rest on one person: several people on our side know people from the other party.'
			}
		},
		{
			id: 'step3.3',
			step: 3,
			text: {
				fi: 'Kerromme toiselle osapuolelle säännöllisesti toiminnastamme, ja se kertoo meille omastaan.',
				sv: 'Vi berättar regelbundet för den andra parten om vår verksamhet, och den berättar för oss om sin.',
				en: 'We regularly tell the other party about our activities, and it tells us about its own.'
			}
		},

		// Step 4: functionally oriented
		{
			id: 'step4.1',
			step: 4,
			text: {
				fi: 'Viimeisen vuoden aikana olemme järjestäneet toisen osapuolen kanssa yhteisiä tapahtumia tai yhteistä toimintaa.',
				sv: 'Under det senaste året har vi ordnat gemensamma evenemang eller gemensam verksamhet med den andra parten.',
				en: 'During the past year, we have organised joint events or joint activities with the other party.'
			}
		},
		{
			id: 'step4.2',
			step: 4,
			text: {
				fi: 'Kun teemme jotain yhdessä, sovimme etukäteen, mikä on kunkin osapuolen tehtävä.',
				sv: 'När vi gör något tillsammans kommer vi i förväg överens om vad varje part ska göra.',
				en: "When we do something together, we agree in advance on each party's tasks."
			}
		},
		{
			id: 'step4.3',
			step: 4,
			text: {
				fi: 'Tarjoamme yhdessä toisen osapuolen kanssa palvelua tai toimintaa, jota ihmiset voivat käyttää tai johon he voivat osallistua.',
				sv: 'Tillsammans med den andra parten erbjuder vi en tjänst eller verksamhet som människor kan använda eller delta i.',
				en: 'Together with the other party, we offer a service or activity that people can use or take part in.'
			}
		},

		// Step 5: organisationally oriented
		{
			id: 'step5.1',
			step: 5,
			text: {
				fi: 'Kummankin osapuolen johto tai hallitus on hyväksynyt yhteistyön kirjallisesti, esimerkiksi sopimuksella tai päätöksellä.',
				sv: 'Ledningen eller styrelsen hos båda parterna har godkänt samarbetet skriftligt, till exempel genom ett avtal eller ett beslut.',
				en: 'The management or board of each party has approved the cooperation in writing, for example in an agreement or a decision.'
			}
		},
		{
			id: 'step5.2',
			step: 5,
			text: {
				fi: 'Kummallakin osapuolella on nimetty yhteyshenkilö, joka vastaa yhteistyöstä.',
				sv: 'Båda parterna har en utsedd kontaktperson som ansvarar för samarbetet.',
				en: 'Each party has a named contact person who is responsible for the cooperation.'
			}
		},
		{
			id: 'step5.3',
			step: 5,
			text: {
				fi: 'Yhteistyö on mukana organisaatioiden suunnitelmissa tai talousarvioissa, joten se jatkuisi, vaikka ihmiset vaihtuisivat.',
				sv: 'Samarbetet finns med i organisationernas planer eller budgetar, så det skulle fortsätta även om personerna byttes ut.',
				en: "The cooperation is included in the organisations' plans or budgets, so it would continue even if people changed."
			}
		},

		// Step 6: merging activities
		{
			id: 'step6.1',
			step: 6,
			text: {
				fi: 'Olemme yhdistäneet toimintaamme toisen osapuolen kanssa, esimerkiksi käyttämällä yhteisiä tiloja tai tarjoamalla yhteisiä palveluja.',
				sv: 'Vi har fört samman delar av vår verksamhet med den andra parten, till exempel genom gemensamma lokaler eller gemensamma tjänster.',
				en: 'We have combined parts of our work with the other party, for example by using shared premises or offering shared services.'
			}
		},
		{
			id: 'step6.2',
			step: 6,
			text: {
				fi: 'Suunnittelemme toimintaamme yhdessä toisen osapuolen kanssa emmekä kumpikin erikseen.',
				sv: 'Vi planerar vår verksamhet tillsammans med den andra parten och inte var för sig.',
				en: 'We plan our activities together with the other party, not each on our own.'
			}
		},
		{
			id: 'step6.3',
			step: 6,
			text: {
				fi: 'Meillä on toisen osapuolen kanssa yhteinen budjetti tai yhteistä henkilöstöä.',
				sv: 'Vi har en gemensam budget eller gemensam personal med den andra parten.',
				en: 'We have a shared budget or shared staff with the other party.'
			}
		}
	],

	selfPlacement: {
		now: {
			id: 'stairs.now',
			text: {
				fi: 'Mikä porras kuvaa parhaiten yhteistyötänne nyt?',
				sv: 'Vilket steg i trappan beskriver bäst ert samarbete just nu?',
				en: 'Which step of the stairs best describes your cooperation now?'
			},
			help: {
				fi: 'Lue portaiden kuvaukset ja valitse porras, joka on lähimpänä nykyistä tilannetta. Ylemmät portaat rakentuvat alempien varaan.',
				sv: 'Läs beskrivningarna av stegen och välj det steg som ligger närmast hur det är i dag. De högre stegen bygger på de lägre.',
				en: 'Read the descriptions of the steps and choose the one closest to how things are today. Higher steps build on the lower ones.'
			}
		},
		target: {
			id: 'stairs.target',
			text: {
				fi: 'Mille portaalle tähtäätte seuraavaan arviointikierrokseen mennessä?',
				sv: 'Vilket steg siktar ni mot till nästa bedömningsomgång?',
				en: 'Which step do you aim for by the next assessment round?'
			},
			help: {
				fi: 'Valitse porras, joka on mielestäsi realistinen tavoite. Tavoite voi olla myös nykyinen porras, jos haluatte vahvistaa sitä.',
				sv: 'Välj ett steg som du tycker är ett realistiskt mål. Målet kan också vara det nuvarande steget, om ni vill stärka det.',
				en: 'Choose a step that you think is a realistic goal. The goal can also be your current step, if you want to make it stronger.'
			}
		}
	},

	descriptive: [
		{
			id: 'activities',
			text: {
				fi: 'Mitä kumppanuudessa tehdään yhdessä? Valitse kaikki sopivat.',
				sv: 'Vad gör ni tillsammans i partnerskapet? Välj alla som passar.',
				en: 'What does the partnership do together? Choose all that apply.'
			},
			help: {
				fi: 'Tämä kysymys ei vaikuta tuloksiin. Se kertoo, millaista yhteistyönne on.',
				sv: 'Den här frågan påverkar inte resultaten. Den visar hurdant ert samarbete är.',
				en: 'This question does not affect the results. It shows what kind of cooperation you have.'
			},
			options: [
				{
					id: 'discussion',
					label: { fi: 'Yhteistä keskustelua', sv: 'Gemensamma diskussioner', en: 'Discussion together' }
				},
				{
					id: 'events',
					label: { fi: 'Yhteisiä tapahtumia', sv: 'Gemensamma evenemang', en: 'Joint events' }
				},
				{
					id: 'premises',
					label: {
						fi: 'Yhteisiä tiloja (tilakumppanuus)',
						sv: 'Gemensamma lokaler (lokalpartnerskap)',
						en: 'Shared premises (premises partnership)'
					}
				},
				{
					id: 'planning',
					label: {
						fi: 'Yhteistä suunnittelua ja kehittämistä',
						sv: 'Gemensam planering och utveckling',
						en: 'Joint planning and development'
					}
				},
				{
					id: 'service',
					label: {
						fi: 'Palveluja, jotka tuotetaan yhdessä (palvelukumppanuus)',
						sv: 'Tjänster som produceras tillsammans (tjänstepartnerskap)',
						en: 'Services provided together (service partnership)'
					}
				},
				{
					id: 'budget',
					label: {
						fi: 'Yhteistä rahoitusta tai budjettia (budjettikumppanuus)',
						sv: 'Gemensam finansiering eller budget (budgetpartnerskap)',
						en: 'Shared funding or budget (budget partnership)'
					}
				},
				{
					id: 'area',
					label: {
						fi: 'Yhteistyö rajautuu tietylle alueelle, esimerkiksi kylään',
						sv: 'Samarbetet gäller ett visst område, till exempel en by',
						en: 'The cooperation is limited to a certain area, such as a village'
					}
				},
				{
					id: 'theme',
					label: {
						fi: 'Yhteistyö rajautuu yhteen teemaan, esimerkiksi ikäihmisten hyvinvointiin',
						sv: 'Samarbetet gäller ett enda tema, till exempel äldres välbefinnande',
						en: 'The cooperation is limited to one theme, such as the wellbeing of older people'
					}
				}
			]
		},
		{
			id: 'resources',
			text: {
				fi: 'Mitä voimavaroja kumppanuudessa yhdistetään? Valitse kaikki sopivat.',
				sv: 'Vilka resurser för partnerskapet samman? Välj alla som passar.',
				en: 'Which resources does the partnership combine? Choose all that apply.'
			},
			help: {
				fi: 'Voimavaroja ovat raha, mutta myös esimerkiksi työ, tieto ja yhteydet.',
				sv: 'Resurser är pengar, men också till exempel arbete, kunskap och kontakter.',
				en: 'Resources include money, but also work, knowledge and contacts, for example.'
			},
			options: [
				{
					id: 'public_money',
					label: {
						fi: 'Julkista rahaa, esimerkiksi kunnan varoja',
						sv: 'Offentliga medel, till exempel kommunens pengar',
						en: 'Public money, such as municipal funds'
					}
				},
				{
					id: 'private_money',
					label: {
						fi: 'Yksityistä rahaa, esimerkiksi lahjoituksia tai jäsenmaksuja',
						sv: 'Privata medel, till exempel donationer eller medlemsavgifter',
						en: 'Private money, such as donations or membership fees'
					}
				},
				{
					id: 'volunteer_work',
					label: { fi: 'Vapaaehtoistyötä', sv: 'Frivilligarbete', en: 'Volunteer work' }
				},
				{
					id: 'viewpoints',
					label: { fi: 'Erilaisia näkökulmia', sv: 'Olika synvinklar', en: 'Different viewpoints' }
				},
				{
					id: 'expertise',
					label: {
						fi: 'Asiantuntemusta ja ammattitaitoa',
						sv: 'Sakkunskap och yrkeskunnande',
						en: 'Expertise and professional skills'
					}
				},
				{
					id: 'local_knowledge',
					label: { fi: 'Paikallistuntemusta', sv: 'Lokalkännedom', en: 'Local knowledge' }
				},
				{
					id: 'contacts',
					label: { fi: 'Kontakteja ja verkostoja', sv: 'Kontakter och nätverk', en: 'Contacts and networks' }
				},
				{
					id: 'reach',
					label: {
						fi: 'Tapoja tavoittaa eri kohderyhmiä',
						sv: 'Sätt att nå olika målgrupper',
						en: 'Ways to reach different target groups'
					}
				}
			]
		}
	],

	comment: {
		id: 'comment',
		maxLength: 2000,
		text: {
			fi: 'Haluatko kertoa vielä jotain yhteistyöstänne?',
			sv: 'Vill du berätta något mer om ert samarbete?',
			en: 'Is there anything else you want to tell about your cooperation?'
		},
		help: {
			fi: 'Vastauksesi näytetään ilman nimeä toiselle osapuolelle ja raporteissa. Älä kirjoita henkilötietoja, kuten nimiä tai puhelinnumeroita.',
			sv: 'Ditt svar visas utan namn för den andra parten och i rapporterna. Skriv inga personuppgifter, till exempel namn eller telefonnummer.',
			en: 'Your answer is shown without your name to the other party and in reports. Do not write personal data, such as names or phone numbers.'
		}
	},

	sections: {
		traits: {
			title: {
				fi: 'Kumppanuuden tunnuspiirteet',
				sv: 'Partnerskapets kännetecken',
				en: 'Traits of partnership'
			},
			intro: {
				fi: 'Näillä väitteillä selvitetään, miten kumppanuus näkyy yhteistyössänne. Valitse, kuinka samaa mieltä olet, tai ”En osaa sanoa”.',
				sv: 'Med de här påståendena tar vi reda på hur partnerskapet syns i ert samarbete. Välj hur mycket du håller med, eller ”Kan inte säga”.',
				en: "These statements ask how partnership shows in your cooperation. Choose how much you agree, or “I can't say”."
			}
		},
		practice: {
			title: {
				fi: 'Mitä yhteistyössä tapahtuu',
				sv: 'Vad som händer i samarbetet',
				en: 'What happens in the cooperation'
			},
			intro: {
				fi: 'Nämä väitteet koskevat sitä, mitä yhteistyössänne oikeasti tapahtuu. Vastaa sen perusteella, mitä olet itse nähnyt tai tiedät varmasti.',
				sv: 'De här påståendena handlar om vad som faktiskt händer i ert samarbete. Svara utifrån det som du själv har sett eller vet säkert.',
				en: 'These statements are about what actually happens in your cooperation. Answer based on what you have seen yourself or know for sure.'
			}
		},
		stairs: {
			title: {
				fi: 'Yhteistyön portaat',
				sv: 'Samarbetstrappan',
				en: 'The collaboration stairs'
			},
			intro: {
				fi: 'Yhteistyön portaat kuvaavat, miten yhteistyö syvenee askel kerrallaan kohti kumppanuutta. Lue portaiden kuvaukset ja kerro, millä portaalla olette nyt ja mihin haluatte päästä.',
				sv: 'Samarbetstrappan visar hur samarbetet fördjupas steg för steg mot partnerskap. Läs beskrivningarna av stegen och berätta vilket steg ni står på nu och vart ni vill nå.',
				en: 'The collaboration stairs show how cooperation deepens step by step towards partnership. Read the descriptions of the steps and tell us which step you are on now and where you want to get to.'
			}
		},
		profile: {
			title: {
				fi: 'Mitä teette yhdessä',
				sv: 'Vad ni gör tillsammans',
				en: 'What you do together'
			},
			intro: {
				fi: 'Lopuksi kysymme, mitä teette yhdessä ja mitä voimavaroja yhdistätte. Voit myös kirjoittaa oman kommentin.',
				sv: 'Till sist frågar vi vad ni gör tillsammans och vilka resurser ni för samman. Du kan också skriva en egen kommentar.',
				en: 'Finally, we ask what you do together and which resources you combine. You can also write a comment of your own.'
			}
		}
	}
};
