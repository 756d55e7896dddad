import type { LocalizedPage, Text } from './types';

/*
 * OPERATOR: replace these before publishing. They are shown marked ({{…}}) until then.
 * The Act on the Provision of Digital Services (306/2019) requires a working feedback
 * channel and an answer within 14 days.
 */
const OPERATOR: Text = {
	fi: '{{palvelua ylläpitävä organisaatio}}',
	sv: '{{den organisation som driver tjänsten}}',
	en: '{{the organisation that runs this service}}'
};
const FEEDBACK_EMAIL = '{{[saavutettavuus@example.fi](mailto:saavutettavuus@example.fi)}}';

/*
 * The enforcement body and its contact details. Check them when the statement is
 * reviewed: the authority's name and address have changed before.
 */
const SUPERVISOR = {
	name: {
		fi: 'Etelä-Suomen aluehallintovirasto',
		sv: 'Regionförvaltningsverket i Södra Finland',
		en: 'Regional State Administrative Agency for Southern Finland'
	},
	site: {
		fi: '[saavutettavuusvaatimukset.fi](https://www.saavutettavuusvaatimukset.fi)',
		sv: '[webbtillganglighet.fi](https://www.webbtillganglighet.fi)',
		en: '[webaccessibility.fi](https://www.webaccessibility.fi)'
	},
	phone: '[0295 016 000](tel:+358295016000)'
} as const;

/** Date of the assessment and of this statement. */
const DATE: Text = { fi: '25.11.2026', sv: '25.11.2026', en: '25 November 2026' };

export const accessibilityStatement: LocalizedPage = {
	title: {
		fi: 'Saavutettavuusseloste',
		sv: 'Tillgänglighetsutlåtande',
		en: 'Accessibility statement'
	},
	lead: {
		fi: 'Tämä seloste koskee Portaat-palvelua. Siinä kunta ja yhdistys arvioivat kumppanuuttaan yhteistyön portailla. Seloste kertoo, miten palvelu täyttää saavutettavuuden vaatimukset, mitä puutteita tiedämme ja miten voit antaa palautetta.',
		sv: 'Det här utlåtandet gäller tjänsten Portaat. Där bedömer en kommun och en förening sitt partnerskap på samarbetstrappan. Utlåtandet berättar hur tjänsten uppfyller kraven på tillgänglighet, vilka brister vi känner till och hur du kan ge respons.',
		en: 'This statement covers the Portaat service. In it, a municipality and an association assess their partnership on the collaboration stairs. The statement tells how the service meets the accessibility requirements, which gaps we know of, and how you can give feedback.'
	},
	sections: [
		{
			heading: { fi: 'Kenen palvelu tämä on', sv: 'Vems tjänst det här är', en: 'Whose service this is' },
			body: [
				{
					p: {
						fi: `Palvelua ylläpitää ${OPERATOR.fi}. Ylläpitäjä vastaa palvelusta ja tästä selosteesta.`,
						sv: `Tjänsten drivs av ${OPERATOR.sv}. Den ansvarar för tjänsten och för det här utlåtandet.`,
						en: `The service is run by ${OPERATOR.en}. It is responsible for the service and for this statement.`
					}
				},
				{
					p: {
						fi: 'Palvelua koskevat digitaalisten palvelujen tarjoamisesta annetun lain (306/2019) saavutettavuusvaatimukset.',
						sv: 'Tjänsten omfattas av tillgänglighetskraven i lagen om tillhandahållande av digitala tjänster (306/2019).',
						en: 'The accessibility requirements of the Act on the Provision of Digital Services (306/2019) apply to the service.'
					}
				}
			]
		},
		{
			heading: { fi: 'Saavutettavuuden tila', sv: 'Tillgänglighetsstatus', en: 'Compliance status' },
			body: [
				{
					p: {
						fi: 'Tavoitteemme on, että palvelu täyttää WCAG 2.1 -ohjeiston A- ja AA-tason vaatimukset. WCAG on kansainvälinen ohjeisto verkkopalvelujen saavutettavuudesta.',
						sv: 'Vårt mål är att tjänsten uppfyller nivå A och AA i riktlinjerna WCAG 2.1. WCAG är internationella riktlinjer för tillgängliga webbtjänster.',
						en: 'Our aim is that the service meets levels A and AA of the WCAG 2.1 guidelines. WCAG is the international guideline for accessible web services.'
					}
				},
				{
					p: {
						fi: 'Oman arviomme mukaan palvelu täyttää nämä vaatimukset.',
						sv: 'Enligt vår egen bedömning uppfyller tjänsten dessa krav.',
						en: 'In our own assessment, the service meets these requirements.'
					}
				}
			]
		},
		{
			heading: {
				fi: 'Miten saavutettavuus on arvioitu',
				sv: 'Hur tillgängligheten har bedömts',
				en: 'How accessibility was assessed'
			},
			body: [
				{
					p: {
						fi: `Palvelun kehittäjät arvioivat saavutettavuuden itse ${DATE.fi}. Arvioinnissa:`,
						sv: `Tjänstens utvecklare bedömde själva tillgängligheten ${DATE.sv}. I bedömningen:`,
						en: `The developers of the service assessed its accessibility themselves on ${DATE.en}. In the assessment, we:`
					}
				},
				{
					list: [
						{
							fi: 'tarkistimme jokaisen sivun automaattisilla axe-core-testeillä',
							sv: 'kontrollerade vi varje sida med automatiska tester i axe-core',
							en: 'checked every page with automated axe-core tests'
						},
						{
							fi: 'kävimme sivut läpi pelkällä näppäimistöllä',
							sv: 'gick vi igenom sidorna med enbart tangentbord',
							en: 'went through the pages using only a keyboard'
						},
						{
							fi: 'kuuntelimme sivut ruudunlukijalla.',
							sv: 'lyssnade vi på sidorna med en skärmläsare.',
							en: 'listened to the pages with a screen reader.'
						}
					]
				}
			]
		},
		{
			heading: { fi: 'Tunnetut puutteet', sv: 'Kända brister', en: 'Known gaps' },
			body: [
				{
					p: {
						fi: 'Tätä kirjoitettaessa emme tiedä palvelussa sisältöä, joka ei täyttäisi vaatimuksia.',
						sv: 'När detta skrevs kände vi inte till något innehåll i tjänsten som inte uppfyller kraven.',
						en: 'At the time of writing, we know of no content in the service that does not meet the requirements.'
					}
				},
				{
					p: {
						fi: 'Raporteissa tulokset näkyvät myös kaavioina. Jokaisen kaavion tiedot ovat myös taulukkona. Taulukon voi lukea ruudunlukijalla ja tulostaa.',
						sv: 'I rapporterna visas resultaten också som diagram. Uppgifterna i varje diagram finns också i en tabell. Tabellen kan läsas med skärmläsare och skrivas ut.',
						en: 'Reports also show results as charts. The figures of every chart are also given in a table. The table can be read with a screen reader and printed.'
					}
				},
				{
					p: {
						fi: 'Jos huomaat puutteen, kerro siitä meille. Korjaamme sen niin pian kuin voimme.',
						sv: 'Om du märker en brist, berätta det för oss. Vi rättar den så snart vi kan.',
						en: 'If you notice a gap, please tell us. We will fix it as soon as we can.'
					}
				}
			]
		},
		{
			heading: { fi: 'Anna palautetta', sv: 'Ge respons', en: 'Give feedback' },
			body: [
				{
					p: {
						fi: 'Huomasitko saavutettavuuspuutteen? Tarvitsetko sisältöä toisessa muodossa? Kerro siitä palvelun ylläpitäjälle.',
						sv: 'Har du märkt en brist i tillgängligheten? Behöver du innehåll i en annan form? Berätta det för den organisation som driver tjänsten.',
						en: 'Have you noticed an accessibility problem? Do you need content in another format? Please tell the organisation that runs this service.'
					}
				},
				{
					list: [
						{
							fi: `Ylläpitäjä: ${OPERATOR.fi}`,
							sv: `Organisation: ${OPERATOR.sv}`,
							en: `Organisation: ${OPERATOR.en}`
						},
						{
							fi: `Sähköposti: ${FEEDBACK_EMAIL}`,
							sv: `E-post: ${FEEDBACK_EMAIL}`,
							en: `E-mail: ${FEEDBACK_EMAIL}`
						}
					]
				},
				{
					p: {
						fi: 'Vastaamme kahden viikon kuluessa.',
						sv: 'Vi svarar inom två veckor.',
						en: 'We will reply within two weeks.'
					}
				}
			]
		},
		{
			heading: { fi: 'Valvontaviranomainen', sv: 'Tillsynsmyndighet', en: 'Enforcement' },
			body: [
				{
					p: {
						fi: 'Jos et saa vastausta kahdessa viikossa tai vastaus ei tyydytä sinua, voit ilmoittaa asiasta valvontaviranomaiselle.',
						sv: 'Om du inte får svar inom två veckor eller om du inte är nöjd med svaret, kan du anmäla saken till tillsynsmyndigheten.',
						en: 'If you get no reply within two weeks, or you are not satisfied with the reply, you can report the matter to the enforcement body.'
					}
				},
				{
					p: {
						fi: `Saavutettavuusvaatimusten noudattamista valvoo ${SUPERVISOR.name.fi}. Sen verkkosivuilla kerrotaan, miten ilmoituksen voi tehdä.`,
						sv: `${SUPERVISOR.name.sv} övervakar att tillgänglighetskraven följs. På dess webbplats berättas hur du kan göra en anmälan.`,
						en: `The ${SUPERVISOR.name.en} monitors that the accessibility requirements are followed. Its website explains how to report a problem.`
					}
				},
				{
					list: [
						{
							fi: `${SUPERVISOR.name.fi}, saavutettavuusvalvonnan yksikkö`,
							sv: `${SUPERVISOR.name.sv}, enheten för tillgänglighetstillsyn`,
							en: `${SUPERVISOR.name.en}, Accessibility Monitoring Unit`
						},
						{
							fi: `Verkkosivusto: ${SUPERVISOR.site.fi}`,
							sv: `Webbplats: ${SUPERVISOR.site.sv}`,
							en: `Website: ${SUPERVISOR.site.en}`
						},
						{
							fi: `Puhelinvaihde: ${SUPERVISOR.phone}`,
							sv: `Växel: ${SUPERVISOR.phone}`,
							en: `Switchboard: ${SUPERVISOR.phone}`
						}
					]
				}
			]
		},
		{
			heading: { fi: 'Tietoa selosteesta', sv: 'Om utlåtandet', en: 'About this statement' },
			body: [
				{
					p: {
						fi: `Seloste on laadittu ${DATE.fi}. Päivitämme sen, kun palvelu muuttuu tai kun saamme tietää puutteesta.`,
						sv: `Utlåtandet har utarbetats ${DATE.sv}. Vi uppdaterar det när tjänsten ändras eller när vi får veta om en brist.`,
						en: `This statement was prepared on ${DATE.en}. We will update it when the service changes or when we learn of a gap.`
					}
				}
			]
		}
	]
};
