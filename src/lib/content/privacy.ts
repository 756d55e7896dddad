import type { LocalizedPage, Text } from './types';

/*
 * OPERATOR: replace these before publishing. They are shown marked ({{…}}) until then.
 * The controller must also state the legal basis of the processing (GDPR art. 6).
 */
const CONTROLLER: Text = {
	fi: '{{palvelua ylläpitävä organisaatio}}',
	sv: '{{den organisation som driver tjänsten}}',
	en: '{{the organisation that runs this service}}'
};
const CONTACT_EMAIL = '{{[tietosuoja@example.fi](mailto:tietosuoja@example.fi)}}';
const LEGAL_BASIS: Text = {
	fi: '{{rekisterinpitäjä täydentää, esimerkiksi yleisen edun mukainen tehtävä tai oikeutettu etu}}',
	sv: '{{den personuppgiftsansvariga fyller i, till exempel en uppgift av allmänt intresse eller berättigat intresse}}',
	en: '{{to be filled in by the controller, for example a task in the public interest or legitimate interest}}'
};

const DATE: Text = { fi: '25.11.2026', sv: '25.11.2026', en: '25 November 2026' };

export const privacyNotice: LocalizedPage = {
	title: {
		fi: 'Tietosuojaseloste',
		sv: 'Dataskyddsbeskrivning',
		en: 'Privacy notice'
	},
	lead: {
		fi: 'Tämä seloste kertoo, mitä tietoja Portaat-palvelu tallentaa, miksi, kuka ne näkee ja kuinka kauan niitä säilytetään. Vastaajat eivät kerro palvelussa nimeään.',
		sv: 'Den här beskrivningen berättar vilka uppgifter tjänsten Portaat sparar, varför, vem som ser dem och hur länge de sparas. Respondenterna uppger inte sina namn i tjänsten.',
		en: 'This notice tells what data the Portaat service stores, why, who sees it and how long it is kept. Respondents do not give their names in the service.'
	},
	sections: [
		{
			heading: { fi: 'Rekisterinpitäjä', sv: 'Personuppgiftsansvarig', en: 'Controller' },
			body: [
				{
					p: {
						fi: 'Rekisterinpitäjä on organisaatio, joka ylläpitää tätä palvelua.',
						sv: 'Personuppgiftsansvarig är den organisation som driver den här tjänsten.',
						en: 'The controller is the organisation that runs this service.'
					}
				},
				{
					list: [
						{
							fi: `Rekisterinpitäjä: ${CONTROLLER.fi}`,
							sv: `Personuppgiftsansvarig: ${CONTROLLER.sv}`,
							en: `Controller: ${CONTROLLER.en}`
						},
						{
							fi: `Yhteydenotot tietosuoja-asioissa: ${CONTACT_EMAIL}`,
							sv: `Kontakt i dataskyddsfrågor: ${CONTACT_EMAIL}`,
							en: `Contact for data protection: ${CONTACT_EMAIL}`
						}
					]
				}
			]
		},
		{
			heading: { fi: 'Mihin tietoja käytetään', sv: 'Vad uppgifterna används till', en: 'What the data is used for' },
			body: [
				{
					p: {
						fi: 'Palvelussa kunnan ja yhdistyksen ihmiset arvioivat yhteistä kumppanuuttaan. Tietoja käytetään vastausten keräämiseen, tulosten laskemiseen ja raporttien näyttämiseen. Henkilökunnan tietoja käytetään kirjautumiseen ja palvelun turvallisuuteen.',
						sv: 'I tjänsten bedömer personer från en kommun och en förening sitt gemensamma partnerskap. Uppgifterna används för att samla in svar, räkna fram resultat och visa rapporter. Personalens uppgifter används för inloggning och för att hålla tjänsten säker.',
						en: 'In the service, people from a municipality and an association assess their shared partnership. The data is used to collect answers, compute results and show reports. Staff data is used for signing in and for keeping the service secure.'
					}
				},
				{
					p: {
						fi: `Käsittelyn oikeusperuste: ${LEGAL_BASIS.fi}`,
						sv: `Rättslig grund för behandlingen: ${LEGAL_BASIS.sv}`,
						en: `Legal basis of the processing: ${LEGAL_BASIS.en}`
					}
				},
				{
					p: {
						fi: 'Palvelu laskee tulokset vastauksista. Se ei tee ihmisiä koskevia päätöksiä.',
						sv: 'Tjänsten räknar fram resultat ur svaren. Den fattar inga beslut om människor.',
						en: 'The service computes results from the answers. It makes no decisions about people.'
					}
				}
			]
		},
		{
			heading: {
				fi: 'Mitä vastauksesta tallennetaan',
				sv: 'Vad som sparas om ett svar',
				en: 'What is stored for a response'
			},
			body: [
				{
					p: {
						fi: 'Vastaat kyselyyn kutsulinkillä. Et tarvitse tunnusta, etkä kerro nimeäsi. Vastauksesta tallennetaan:',
						sv: 'Du svarar på enkäten via en inbjudningslänk. Du behöver inget konto och du uppger inte ditt namn. Om ditt svar sparas följande:',
						en: 'You answer through an invitation link. You need no account, and you do not give your name. For a response, we store:'
					}
				},
				{
					list: [
						{
							fi: 'vastauksesi kysymyksiin',
							sv: 'dina svar på frågorna',
							en: 'your answers to the questions'
						},
						{
							fi: 'kumpaa puolta edustat: kunnan puolta vai yhdistyksen puolta',
							sv: 'vilken sida du företräder: kommunens sida eller föreningens sida',
							en: 'which side you represent: the municipality side or the association side'
						},
						{
							fi: 'millä kielellä vastasit',
							sv: 'vilket språk du svarade på',
							en: 'the language you answered in'
						},
						{
							fi: 'milloin vastaus aloitettiin, tallennettiin ja lähetettiin',
							sv: 'när svaret påbörjades, sparades och skickades',
							en: 'when the response was started, saved and sent'
						},
						{
							fi: 'roolisi tai tehtäväsi, vain jos arviointikierros kysyy sitä. Siihen vastaaminen on vapaaehtoista.',
							sv: 'din roll eller uppgift, bara om bedömningsomgången frågar efter den. Det är frivilligt att svara.',
							en: 'your role, only if the assessment round asks for it. Answering it is optional.'
						}
					]
				},
				{
					p: {
						fi: 'Emme tallenna IP-osoitettasi. Emme tallenna myöskään selaimesi tai laitteesi tietoja.',
						sv: 'Vi sparar inte din IP-adress. Vi sparar inte heller uppgifter om din webbläsare eller din enhet.',
						en: 'We do not store your IP address. We do not store details of your browser or device either.'
					}
				},
				{
					p: {
						fi: 'Vastaus saa satunnaisen koodin, jotta voit jatkaa keskeneräistä vastausta myöhemmin. Koodi ei kerro, kuka olet.',
						sv: 'Svaret får en slumpmässig kod så att du kan fortsätta ett ofärdigt svar senare. Koden avslöjar inte vem du är.',
						en: 'A response gets a random code, so that you can continue an unfinished response later. The code does not tell who you are.'
					}
				}
			]
		},
		{
			heading: { fi: 'Avoin kommentti', sv: 'Fri kommentar', en: 'The free-text comment' },
			body: [
				{
					p: {
						fi: 'Voit kirjoittaa kyselyyn myös oman kommentin. Kommentti näytetään ilman nimeä parin vastaajille ja hankkeen henkilökunnalle.',
						sv: 'Du kan också skriva en egen kommentar i enkäten. Kommentaren visas utan namn för parets respondenter och för projektets personal.',
						en: 'You can also write a comment of your own. The comment is shown without a name to the respondents of the pair and to the project staff.'
					}
				},
				{
					p: {
						fi: 'Älä siksi kirjoita kommenttiin henkilötietoja. Älä mainitse nimiä tai asioita, joista joku voidaan tunnistaa.',
						sv: 'Skriv därför inga personuppgifter i kommentaren. Nämn inga namn eller sådant som gör att någon kan kännas igen.',
						en: 'So please write no personal data in the comment. Do not mention names or anything that could identify someone.'
					}
				}
			]
		},
		{
			heading: {
				fi: 'Raportit näyttävät puolet, eivät yksittäisiä ihmisiä',
				sv: 'Rapporterna visar sidor, inte enskilda personer',
				en: 'Reports show sides, not individual people'
			},
			body: [
				{
					p: {
						fi: 'Raportit näyttävät tulokset kunnan puolelle, yhdistyksen puolelle ja koko parille. Yhden ihmisen vastauksia ei näytetä koskaan.',
						sv: 'Rapporterna visar resultat för kommunens sida, för föreningens sida och för hela paret. En enskild persons svar visas aldrig.',
						en: 'Reports show results for the municipality side, the association side and the whole pair. One person’s answers are never shown.'
					}
				},
				{
					p: {
						fi: 'Hanke päättää vähimmäisryhmäkoon. Oletus on 3. Jos jommaltakummalta puolelta on vastannut sitä vähemmän ihmisiä, sen puolen erittelyä ei näytetä.',
						sv: 'Projektet bestämmer en minsta gruppstorlek. Standardvärdet är 3. Om färre personer än så har svarat på en sida, visas inte den sidans uppdelning.',
						en: 'The project sets a minimum group size. The default is 3. If fewer people than that have answered on a side, that side’s breakdown is not shown.'
					}
				}
			]
		},
		{
			heading: { fi: 'Kuka näkee tiedot', sv: 'Vem som ser uppgifterna', en: 'Who sees the data' },
			body: [
				{
					list: [
						{
							fi: 'Hankkeen hanketyöntekijät ja koordinaattorit näkevät oman hankkeensa parien tulokset ja kommentit. He näkevät myös, montako vastausta kummaltakin puolelta on tullut.',
							sv: 'Projektets projektarbetare och koordinatorer ser resultaten och kommentarerna för paren i sitt eget projekt. De ser också hur många svar som har kommit från varje sida.',
							en: 'The project workers and coordinators of a project see the results and comments of the pairs in their own project. They also see how many responses have come from each side.'
						},
						{
							fi: 'Parin vastaajat näkevät parin yhteenvedon, kun arviointikierros on päättynyt.',
							sv: 'Parets respondenter ser parets sammanfattning när bedömningsomgången har avslutats.',
							en: 'The respondents of a pair see the pair’s summary after the assessment round has closed.'
						},
						{
							fi: 'Palvelun pääkäyttäjät hallinnoivat henkilökunnan tunnuksia ja sitä, kuinka kauan tietoja säilytetään.',
							sv: 'Tjänstens administratörer hanterar personalens konton och hur länge uppgifterna sparas.',
							en: 'The administrators of the service manage staff accounts and how long data is kept.'
						}
					]
				},
				{
					p: {
						fi: 'Emme luovuta tietoja muille, ellei laki sitä vaadi. Palvelussa ei ole mainoksia eikä kävijäseurantaa.',
						sv: 'Vi lämnar inte ut uppgifterna till andra, om inte lagen kräver det. Tjänsten har ingen reklam och ingen besöksspårning.',
						en: 'We do not give the data to others unless the law requires it. The service has no advertising and no visitor tracking.'
					}
				}
			]
		},
		{
			heading: {
				fi: 'Kumppanuuspöydän muistiinpanot',
				sv: 'Anteckningar från partnerskapsbordet',
				en: 'Partnership table notes'
			},
			body: [
				{
					p: {
						fi: 'Hankkeen henkilökunta voi kirjata kumppanuuspöydän tapaamisia: päivän, osallistujat, asialistan, muistiinpanot ja sovitut tehtävät vastuuhenkilöineen. Niissä voi olla ihmisten nimiä. Ne näkyvät hankkeen henkilökunnalle.',
						sv: 'Projektets personal kan föra anteckningar om partnerskapsbordets möten: dag, deltagare, föredragningslista, anteckningar och överenskomna uppgifter med ansvarspersoner. De kan innehålla namn. De visas för projektets personal.',
						en: 'Project staff can record partnership table meetings: the date, the participants, the agenda, notes, and the agreed tasks with the people responsible. These may contain names. They are shown to the project staff.'
					}
				}
			]
		},
		{
			heading: { fi: 'Evästeet', sv: 'Kakor', en: 'Cookies' },
			body: [
				{
					p: {
						fi: 'Palvelu käyttää vain välttämättömiä evästeitä:',
						sv: 'Tjänsten använder bara nödvändiga kakor:',
						en: 'The service uses only necessary cookies:'
					}
				},
				{
					list: [
						{
							fi: 'Kielieväste muistaa, minkä kielen valitsit.',
							sv: 'Språkkakan kommer ihåg vilket språk du valde.',
							en: 'The language cookie remembers the language you chose.'
						},
						{
							fi: 'Istuntoeväste pitää henkilökunnan kirjautuneena. Vastaajille sitä ei anneta.',
							sv: 'Sessionskakan håller personalen inloggad. Respondenter får den inte.',
							en: 'The session cookie keeps staff signed in. Respondents do not get it.'
						},
						{
							fi: 'Vastaajan jatkoeväste muistaa keskeneräisen vastauksesi tällä laitteella, jotta kutsulinkin avaaminen uudelleen jatkaa sitä eikä aloita uutta. Se ei kerro, kuka olet.',
							sv: 'Respondentens fortsättningskaka kommer ihåg ditt påbörjade svar på den här enheten, så att inbjudningslänken fortsätter det i stället för att börja ett nytt. Den berättar inte vem du är.',
							en: 'The respondent cookie remembers your unfinished response on this device, so that opening the invitation link again continues it instead of starting a new one. It does not tell who you are.'
						}
					]
				},
				{
					p: {
						fi: 'Emme käytä seuranta-, analytiikka- tai mainosevästeitä.',
						sv: 'Vi använder inga kakor för spårning, analys eller reklam.',
						en: 'We use no tracking, analytics or advertising cookies.'
					}
				}
			]
		},
		{
			heading: { fi: 'Henkilökunnan tiedot', sv: 'Uppgifter om personalen', en: 'Staff data' },
			body: [
				{
					p: {
						fi: 'Henkilökunnasta eli hanketyöntekijöistä, koordinaattoreista ja pääkäyttäjistä tallennetaan nimi ja sähköpostiosoite.',
						sv: 'Om personalen, det vill säga projektarbetare, koordinatorer och administratörer, sparas namn och e-postadress.',
						en: 'For staff, that is project workers, coordinators and administrators, we store a name and an e-mail address.'
					}
				},
				{
					p: {
						fi: 'Salasanaa ei tallenneta sellaisenaan. Siitä tallennetaan vain argon2id-menetelmällä laskettu tiiviste. Tiivisteestä ei voi päätellä salasanaa.',
						sv: 'Lösenordet sparas inte som sådant. Bara en hash som räknats fram med metoden argon2id sparas. Lösenordet kan inte räknas fram ur hashen.',
						en: 'Passwords are not stored as such. Only a hash computed with the argon2id method is stored. The password cannot be worked out from the hash.'
					}
				},
				{
					p: {
						fi: 'Istunto päättyy, kun kirjaudut ulos, kun et ole käyttänyt palvelua 30 minuuttiin tai viimeistään 12 tunnin kuluttua.',
						sv: 'Sessionen tar slut när du loggar ut, när du inte har använt tjänsten på 30 minuter eller senast efter 12 timmar.',
						en: 'A session ends when you sign out, after 30 minutes without use, or after 12 hours at most.'
					}
				},
				{
					p: {
						fi: 'Palvelu pitää lokia henkilökunnan tekemistä muutoksista: kuka muutti tai poisti mitä ja milloin. Lokiin tallentuu tekijän sähköpostiosoite. Merkintä säilyy, vaikka muutettu tieto poistettaisiin.',
						sv: 'Tjänsten för logg över ändringar som personalen gör: vem som ändrade eller raderade vad och när. I loggen sparas personens e-postadress. Posten finns kvar även om den ändrade uppgiften raderas.',
						en: 'The service keeps a log of changes made by staff: who changed or deleted what, and when. The log records the person’s e-mail address. An entry stays even if the changed data is erased.'
					}
				}
			]
		},
		{
			heading: { fi: 'Tietoturva', sv: 'Datasäkerhet', en: 'Security' },
			body: [
				{
					p: {
						fi: 'Väärinkäytösten estämiseksi palvelu laskee epäonnistuneita kirjautumisia ja linkkien avaamisia. Siksi se voi säilyttää verkko-osoitteen lyhyen aikaa. Sitä ei yhdistetä vastauksiin.',
						sv: 'För att förhindra missbruk räknar tjänsten misslyckade inloggningar och försök att öppna länkar. Därför kan den spara en nätverksadress en kort tid. Den kopplas inte till svaren.',
						en: 'To prevent misuse, the service counts failed sign-ins and failed attempts to open links. For this it may keep a network address for a short time. It is not linked to any response.'
					}
				}
			]
		},
		{
			heading: { fi: 'Kuinka kauan tietoja säilytetään', sv: 'Hur länge uppgifterna sparas', en: 'How long data is kept' },
			body: [
				{
					p: {
						fi: 'Tiedot säilyvät niin kauan kuin hanke pitää ne tallessa.',
						sv: 'Uppgifterna sparas så länge projektet behåller dem.',
						en: 'Data is kept for as long as the project keeps it.'
					}
				},
				{
					p: {
						fi: 'Pääkäyttäjä voi asettaa, montako päivää päättyneiden kierrosten yksittäiset vastaukset säilytetään. Sen jälkeen vastaukset poistetaan, ja jäljelle jäävät vain niistä lasketut tulokset.',
						sv: 'En administratör kan ställa in hur många dagar de enskilda svaren från avslutade omgångar sparas. Därefter raderas svaren, och bara de resultat som räknats fram ur dem finns kvar.',
						en: 'An administrator can set how many days the individual answers of closed rounds are kept. After that the answers are erased, and only the scores computed from them remain.'
					}
				},
				{
					p: {
						fi: 'Pääkäyttäjä voi myös poistaa parin tai koko hankkeen tiedot.',
						sv: 'En administratör kan också radera ett par eller ett helt projekt.',
						en: 'An administrator can also erase a pair or a whole project.'
					}
				}
			]
		},
		{
			heading: { fi: 'Oikeutesi', sv: 'Dina rättigheter', en: 'Your rights' },
			body: [
				{
					p: {
						fi: 'EU:n yleisen tietosuoja-asetuksen mukaan sinulla on oikeus:',
						sv: 'Enligt EU:s allmänna dataskyddsförordning har du rätt att:',
						en: 'Under the EU General Data Protection Regulation, you have the right to:'
					}
				},
				{
					list: [
						{
							fi: 'saada tietää, mitä tietoja sinusta on tallennettu',
							sv: 'få veta vilka uppgifter om dig som har sparats',
							en: 'know what data about you has been stored'
						},
						{
							fi: 'pyytää virheellisen tiedon korjaamista',
							sv: 'be att felaktiga uppgifter rättas',
							en: 'ask for incorrect data to be corrected'
						},
						{
							fi: 'pyytää tietojesi poistamista.',
							sv: 'be att dina uppgifter raderas.',
							en: 'ask for your data to be erased.'
						}
					]
				},
				{
					p: {
						fi: 'Ota yhteyttä rekisterinpitäjään. Vastauksiin ei tallenneta nimeä, joten emme yleensä voi tietää, mikä vastaus on sinun. Kerro siksi, miten voimme löytää sen, esimerkiksi mikä pari ja kierros on kyseessä.',
						sv: 'Kontakta den personuppgiftsansvariga. Inga namn sparas med svaren, så vi kan oftast inte veta vilket svar som är ditt. Berätta därför hur vi kan hitta det, till exempel vilket par och vilken omgång det gäller.',
						en: 'Please contact the controller. Responses carry no name, so we usually cannot tell which response is yours. So tell us how we can find it, for example which pair and round it is.'
					}
				},
				{
					p: {
						fi: 'Jos katsot, että tietojasi käsitellään lain vastaisesti, voit tehdä valituksen tietosuojavaltuutetulle: [tietosuoja.fi](https://tietosuoja.fi).',
						sv: 'Om du anser att dina uppgifter behandlas i strid med lagen, kan du lämna in ett klagomål till dataombudsmannen: [tietosuoja.fi/sv](https://tietosuoja.fi/sv).',
						en: 'If you think your data is processed against the law, you can complain to the Data Protection Ombudsman: [tietosuoja.fi/en](https://tietosuoja.fi/en).'
					}
				}
			]
		},
		{
			heading: { fi: 'Tietoa selosteesta', sv: 'Om beskrivningen', en: 'About this notice' },
			body: [
				{
					p: {
						fi: `Seloste on päivitetty ${DATE.fi}. Päivitämme sen, kun palvelu tai tietojen käsittely muuttuu.`,
						sv: `Beskrivningen uppdaterades ${DATE.sv}. Vi uppdaterar den när tjänsten eller behandlingen av uppgifter ändras.`,
						en: `This notice was updated on ${DATE.en}. We will update it when the service or the processing of data changes.`
					}
				}
			]
		}
	]
};
