<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>× for data collected continuously (location, browsing)</source>
        <translation>× voor gegevens die doorlopend worden verzameld (locatie, surfgedrag)</translation>
    </message>
    <message>
        <source>× for data shared with third parties</source>
        <translation>× voor gegevens die met derden worden gedeeld</translation>
    </message>
    <message>
        <source>× for special-category data (GDPR Art. 9) and criminal data (Art. 10)</source>
        <translation>× voor bijzondere persoonsgegevens (AVG art. 9) en strafrechtelijke gegevens (art. 10)</translation>
    </message>
    <message>
        <source>× when you do not know how long they keep it</source>
        <translation>× als je niet weet hoe lang ze het bewaren</translation>
    </message>
    <message>
        <source>+ per extra category combined (a profile is worth more)</source>
        <translation>+ per extra gecombineerde categorie (een profiel is meer waard)</translation>
    </message>
    <message>
        <source>the most the combination can multiply by</source>
        <translation>de hoogste vermenigvuldiging door combineren</translation>
    </message>
    <message>
        <source>given ÷ got above this: questionable</source>
        <translation>gegeven ÷ gekregen hierboven: twijfelachtig</translation>
    </message>
    <message>
        <source>given ÷ got above this: unbalanced</source>
        <translation>gegeven ÷ gekregen hierboven: uit balans</translation>
    </message>
    <message>
        <source>months without use before an account counts as dormant</source>
        <translation>maanden zonder gebruik voordat een account als slapend telt</translation>
    </message>
    <message>
        <source>months a one-off benefit is spread over (at least)</source>
        <translation>maanden waarover een eenmalig voordeel wordt gespreid (minstens)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Default per month</source>
        <translation>Standaard per maand</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Your value per month</source>
        <translation>Jouw waarde per maand</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>Reservekopie maken naar</translation>
    </message>
    <message>
        <source>Quid backup (*.db)</source>
        <translation>Quid-reservekopie (*.db)</translation>
    </message>
    <message>
        <source>Backed up to {name}.</source>
        <translation>Reservekopie gemaakt: {name}.</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>Reservekopie wordt geschreven…</translation>
    </message>
    <message>
        <source>Not backed up</source>
        <translation>Geen reservekopie gemaakt</translation>
    </message>
    <message>
        <source>Backup cancelled; nothing was written.</source>
        <translation>Reservekopie geannuleerd; er is niets geschreven.</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>Deze reservekopie terugzetten?</translation>
    </message>
    <message>
        <source>Replace your ledger with this backup from {date}?

It holds {orgs} organisations and {disclosures} disclosures. Your current ledger is kept beside it (ledger.db.replaced-…), not deleted.</source>
        <translation>Je register vervangen door deze reservekopie van {date}?

Deze bevat {orgs} organisaties en {disclosures} verstrekkingen. Je huidige register blijft ernaast bewaard (ledger.db.replaced-…) en wordt niet verwijderd.</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Niet teruggezet</translation>
    </message>
    <message>
        <source>This backup does not open with this vault&apos;s key. Enter its passphrase, or the recovery key of the vault it came from:</source>
        <translation>Deze reservekopie gaat niet open met de sleutel van deze kluis. Voer de wachtwoordzin ervan in, of de herstelsleutel van de kluis waar hij vandaan komt:</translation>
    </message>
    <message>
        <source>That did not open it.</source>
        <translation>Daarmee ging hij niet open.</translation>
    </message>
    <message>
        <source>Open the backup</source>
        <translation>Reservekopie openen</translation>
    </message>
    <message>
        <source>Checking and preparing the backup…</source>
        <translation>Reservekopie controleren en klaarzetten…</translation>
    </message>
    <message>
        <source>Restore cancelled; nothing changed.</source>
        <translation>Terugzetten geannuleerd; er is niets veranderd.</translation>
    </message>
    <message>
        <source>A scheduled backup is being written just now. Try again in a moment; nothing was changed.</source>
        <translation>Er wordt net een geplande reservekopie geschreven. Probeer het zo opnieuw; er is niets veranderd.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Reservekopie teruggezet</translation>
    </message>
    <message>
        <source>The backup is in place. Your previous ledger was kept as {name}.</source>
        <translation>De reservekopie staat klaar. Je vorige register is bewaard als {name}.</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Terugzetten vanuit een reservekopie</translation>
    </message>
    <message>
        <source>Quid backup (*.db);;All files (*)</source>
        <translation>Quid-reservekopie (*.db);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>A scheduled backup was made: {name}.</source>
        <extracomment>vault files a scheduled backup is reading right now (a restore waits for it)</extracomment>
        <translation>Er is een geplande reservekopie gemaakt: {name}.</translation>
    </message>
    <message>
        <source>Backup not made</source>
        <translation>Reservekopie niet gemaakt</translation>
    </message>
    <message>
        <source>an unexpected error</source>
        <translation>een onverwachte fout</translation>
    </message>
    <message>
        <source>The scheduled backup was not made: {why}</source>
        <translation>De geplande reservekopie is niet gemaakt: {why}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Quid</source>
        <translation>Quid</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Over {app}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;A private ledger of the personal data you gave and what you got for it.&lt;/p&gt;&lt;p&gt;Your ledger is encrypted on this computer. Quid never connects to the internet.&lt;/p&gt;&lt;p&gt;Free software under the GNU GPL, version 3 or later. Data sources and their licences are listed in the licences folder.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{app} {version}&lt;/h3&gt;&lt;p&gt;Een privéregister van de persoonsgegevens die je hebt verstrekt en wat je ervoor kreeg.&lt;/p&gt;&lt;p&gt;Je register staat versleuteld op deze computer. Quid maakt nooit verbinding met internet.&lt;/p&gt;&lt;p&gt;Vrije software onder de GNU GPL, versie 3 of later. De gegevensbronnen en hun licenties staan in de map licences.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>the full ledger</source>
        <extracomment>kind → (what it is, in a title; the save dialog&apos;s file filters)</extracomment>
        <translation>het volledige register</translation>
    </message>
    <message>
        <source>Quid ledger (*.json)</source>
        <translation>Quid-register (*.json)</translation>
    </message>
    <message>
        <source>the ledger as spreadsheet tables</source>
        <translation>het register als spreadsheettabellen</translation>
    </message>
    <message>
        <source>Zip of CSV tables (*.zip);;CSV files in a new folder (*)</source>
        <translation>Zip met CSV-tabellen (*.zip);;CSV-bestanden in een nieuwe map (*)</translation>
    </message>
    <message>
        <source>consent records</source>
        <translation>toestemmingsregistraties</translation>
    </message>
    <message>
        <source>Consent records (*.json)</source>
        <translation>Toestemmingsregistraties (*.json)</translation>
    </message>
    <message>
        <source>the report</source>
        <translation>het rapport</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-document (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Webpagina (*.html)</translation>
    </message>
    <message>
        <source>CSV files in a new folder (*)</source>
        <extracomment>The folder choice among the CSV filters (its translation ends the translated filter list).</extracomment>
        <translation>CSV-bestanden in een nieuwe map (*)</translation>
    </message>
    <message>
        <source>Export {what} — the file is not encrypted</source>
        <translation>{what} exporteren — het bestand is niet versleuteld</translation>
    </message>
    <message>
        <source>These files are not encrypted: keep them somewhere safe or delete them when done.</source>
        <translation>Deze bestanden zijn niet versleuteld: bewaar ze op een veilige plek of verwijder ze als je klaar bent.</translation>
    </message>
    <message>
        <source>Exported to {path}. {notice}</source>
        <translation>Geëxporteerd naar {path}. {notice}</translation>
    </message>
    <message>
        <source>Exporting {what}…</source>
        <translation>{what} exporteren…</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Niet geëxporteerd</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Exporteren geannuleerd; er is niets geschreven.</translation>
    </message>
    <message>
        <source>Merge into your ledger?</source>
        <translation>Samenvoegen met je register?</translation>
    </message>
    <message>
        <source>Your ledger already has data. Merge the file into it? Organisations you already have are matched by name, domain or directory entry; where the file differs, your values are kept and the differences are listed. Records you already have are not added twice.</source>
        <translation>Je register bevat al gegevens. Het bestand ermee samenvoegen? Organisaties die je al hebt worden herkend aan naam, domein of gidsvermelding; waar het bestand afwijkt, blijven jouw waarden staan en worden de verschillen opgesomd. Wat je al hebt, wordt niet dubbel toegevoegd.</translation>
    </message>
    <message>
        <source>1 disclosure</source>
        <translation>1 verstrekking</translation>
    </message>
    <message>
        <source>{n} disclosures</source>
        <translation>{n} verstrekkingen</translation>
    </message>
    <message>
        <source>1 benefit</source>
        <translation>1 voordeel</translation>
    </message>
    <message>
        <source>{n} benefits</source>
        <translation>{n} voordelen</translation>
    </message>
    <message>
        <source>1 tier</source>
        <translation>1 niveau</translation>
    </message>
    <message>
        <source>{n} tiers</source>
        <translation>{n} niveaus</translation>
    </message>
    <message>
        <source>1 request</source>
        <translation>1 verzoek</translation>
    </message>
    <message>
        <source>{n} requests</source>
        <translation>{n} verzoeken</translation>
    </message>
    <message>
        <source>1 request event</source>
        <translation>1 gebeurtenis bij een verzoek</translation>
    </message>
    <message>
        <source>{n} request events</source>
        <translation>{n} gebeurtenissen bij verzoeken</translation>
    </message>
    <message>
        <source>1 attachment</source>
        <translation>1 bijlage</translation>
    </message>
    <message>
        <source>{n} attachments</source>
        <translation>{n} bijlagen</translation>
    </message>
    <message>
        <source>Imported {what}.</source>
        <translation>{what} geïmporteerd.</translation>
    </message>
    <message>
        <source>Imported nothing new.</source>
        <translation>Niets nieuws geïmporteerd.</translation>
    </message>
    <message>
        <source>1 organisation was already in the vault.</source>
        <translation>1 organisatie stond al in de kluis.</translation>
    </message>
    <message>
        <source>{n} organisations were already in the vault.</source>
        <translation>{n} organisaties stonden al in de kluis.</translation>
    </message>
    <message>
        <source>1 record was already there and not added again.</source>
        <translation>1 gegeven stond er al en is niet nog eens toegevoegd.</translation>
    </message>
    <message>
        <source>{n} records were already there and not added again.</source>
        <translation>{n} gegevens stonden er al en zijn niet nog eens toegevoegd.</translation>
    </message>
    <message>
        <source>1 conflict: the vault&apos;s values were kept.</source>
        <translation>1 verschil: de waarden in de kluis zijn behouden.</translation>
    </message>
    <message>
        <source>{n} conflicts: the vault&apos;s values were kept.</source>
        <translation>{n} verschillen: de waarden in de kluis zijn behouden.</translation>
    </message>
    <message>
        <source>… and {n} more.</source>
        <translation>… en nog {n}.</translation>
    </message>
    <message>
        <source>Import a Quid ledger</source>
        <translation>Een Quid-register importeren</translation>
    </message>
    <message>
        <source>Quid ledger (*.json);;All files (*)</source>
        <translation>Quid-register (*.json);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Importeren voltooid</translation>
    </message>
    <message>
        <source>Importing the ledger…</source>
        <translation>Register importeren…</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Niet geïmporteerd</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Importeren geannuleerd; er is niets veranderd.</translation>
    </message>
    <message>
        <source>Import from password export</source>
        <translation>Importeren uit wachtwoordexport</translation>
    </message>
    <message>
        <source>1 organisation</source>
        <extracomment>What an import added, per table: (one, many) — the same words as ImportResult.summary()</extracomment>
        <translation>1 organisatie</translation>
    </message>
    <message>
        <source>{n} organisations</source>
        <translation>{n} organisaties</translation>
    </message>
    <message>
        <source>1 account</source>
        <translation>1 account</translation>
    </message>
    <message>
        <source>{n} accounts</source>
        <translation>{n} accounts</translation>
    </message>
    <message>
        <source>1 identifier</source>
        <translation>1 identificatiegegeven</translation>
    </message>
    <message>
        <source>{n} identifiers</source>
        <translation>{n} identificatiegegevens</translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation>{name} toevoegen</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>{name} verwijderen</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>{name} bewerken</translation>
    </message>
    <message>
        <source>Merge {name}</source>
        <translation>{name} samenvoegen</translation>
    </message>
    <message>
        <source>Import from a password export</source>
        <translation>Importeren uit een wachtwoordexport</translation>
    </message>
    <message>
        <source>Password export (*.csv);;All files (*)</source>
        <translation>Wachtwoordexport (*.csv);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Added {orgs}, {accounts} and {given} (e-mail addresses and usernames, as data you gave) to your ledger. Edit ▸ Undo removes them all again.</source>
        <translation>{orgs}, {accounts} en {given} (e-mailadressen en gebruikersnamen, als verstrekte gegevens) aan je register toegevoegd. Bewerken ▸ Ongedaan maken haalt ze allemaal weer weg.</translation>
    </message>
    <message>
        <source>A new organisation counts as unbalanced until you add what you get from it (a service, a discount): only the data you gave is known so far.</source>
        <translation>Een nieuwe organisatie telt als uit balans tot je toevoegt wat je ervan krijgt (een dienst, een korting): tot nu toe zijn alleen de gegevens bekend die je gaf.</translation>
    </message>
    <message>
        <source>They hold data you never gave them</source>
        <translation>Ze hebben gegevens die je nooit hebt verstrekt</translation>
    </message>
    <message>
        <source>They say they hold {labels}, which your ledger does not list. Ask where it came from (GDPR Art. 15(1)(g)). Add these to your ledger now?</source>
        <translation>Ze zeggen dat ze {labels} hebben, wat niet in je register staat. Vraag waar dat vandaan komt (AVG art. 15 lid 1 onder g). Deze nu aan je register toevoegen?</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Toegevoegd</translation>
    </message>
    <message>
        <source>Added to your ledger: {labels}.</source>
        <translation>Aan je register toegevoegd: {labels}.</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Data asked</source>
        <translation>Gevraagde gegevens</translation>
    </message>
    <message>
        <source>Data value
/ month</source>
        <translation>Gegevenswaarde
/ maand</translation>
    </message>
    <message>
        <source>Got
/ month</source>
        <translation>Gekregen
/ maand</translation>
    </message>
    <message>
        <source>Step up</source>
        <translation>Stap omhoog</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Gekozen</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Eerlijk</translation>
    </message>
    <message>
        <source>The tier&apos;s name, as the organisation calls it.</source>
        <translation>De naam van het niveau, zoals de organisatie het noemt.</translation>
    </message>
    <message>
        <source>The data this tier asks for; special categories (GDPR Art. 9/10) marked.</source>
        <translation>De gegevens die dit niveau vraagt; bijzondere categorieën (AVG art. 9/10) gemarkeerd.</translation>
    </message>
    <message>
        <source>What that data is worth per month, by Quid&apos;s estimates.</source>
        <translation>Wat die gegevens per maand waard zijn, volgens de schattingen van Quid.</translation>
    </message>
    <message>
        <source>What the tier brings per month (a year / 12; once over months).</source>
        <translation>Wat het niveau per maand oplevert (een jaar / 12; eenmalig over maanden).</translation>
    </message>
    <message>
        <source>From the tier with less data: the extra data against the extra value.</source>
        <translation>Vanaf het niveau met minder gegevens: de extra gegevens tegenover de extra waarde.</translation>
    </message>
    <message>
        <source>The tier you chose.</source>
        <translation>Het niveau dat je koos.</translation>
    </message>
    <message>
        <source>The highest tier reached while every step up is worth its data.</source>
        <translation>Het hoogste niveau waarbij elke stap omhoog zijn gegevens waard is.</translation>
    </message>
    <message>
        <source>{key} (unknown)</source>
        <translation>{key} (onbekend)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Add Organisation…</source>
        <translation>Organisatie &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Your &amp;Profile…</source>
        <translation>Je &amp;profiel…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <source>From a &amp;Password Manager Export…</source>
        <translation>Uit export van een &amp;wachtwoordbeheerder…</translation>
    </message>
    <message>
        <source>Quid &amp;Ledger (JSON)…</source>
        <translation>Quid-&amp;register (JSON)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporteren</translation>
    </message>
    <message>
        <source>Privacy Footprint &amp;Report (PDF)…</source>
        <translation>&amp;Rapport privacyvoetafdruk (PDF)…</translation>
    </message>
    <message>
        <source>Privacy Footprint Report (&amp;HTML)…</source>
        <translation>Rapport privacyvoetafdruk (&amp;HTML)…</translation>
    </message>
    <message>
        <source>Report of the &amp;Filtered Organisations (PDF)…</source>
        <translation>Rapport van de ge&amp;filterde organisaties (PDF)…</translation>
    </message>
    <message>
        <source>&amp;Spreadsheet Tables (CSV)…</source>
        <translation>&amp;Spreadsheettabellen (CSV)…</translation>
    </message>
    <message>
        <source>Full Ledger (&amp;JSON)…</source>
        <translation>Volledig register (&amp;JSON)…</translation>
    </message>
    <message>
        <source>&amp;Consent Records (JSON)…</source>
        <translation>&amp;Toestemmingsregistraties (JSON)…</translation>
    </message>
    <message>
        <source>&amp;Due Dates (iCalendar)…</source>
        <translation>Ter&amp;mijnen (iCalendar)…</translation>
    </message>
    <message>
        <source>&amp;Back Up…</source>
        <translation>&amp;Reservekopie maken…</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>Reservekopie terug&amp;zetten…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Vergrendelen</translation>
    </message>
    <message>
        <source>Change &amp;Passphrase…</source>
        <translation>&amp;Wachtwoordzin wijzigen…</translation>
    </message>
    <message>
        <source>&amp;Key Storage…</source>
        <translation>&amp;Sleutelopslag…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;fsluiten</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;doen</translation>
    </message>
    <message>
        <source>&amp;Assessment Settings…</source>
        <translation>&amp;Beoordelingsinstellingen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Overzicht</translation>
    </message>
    <message>
        <source>O&amp;rganisations</source>
        <translation>Or&amp;ganisaties</translation>
    </message>
    <message>
        <source>Re&amp;quests</source>
        <translation>&amp;Verzoeken</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Voorkeuren…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Quid</source>
        <translation>&amp;Over Quid</translation>
    </message>
    <message>
        <source>No filter set</source>
        <extracomment>Actions that need an unlocked vault (the rest — view, about, quit — always work).</extracomment>
        <translation>Geen filter ingesteld</translation>
    </message>
    <message>
        <source>This report covers the organisations the Organisations page shows. Set a filter there first (for example Balance: Coerced), or export the report of the whole ledger.</source>
        <translation>Dit rapport gaat over de organisaties die de pagina Organisaties toont. Stel daar eerst een filter in (bijvoorbeeld Balans: Afgedwongen), of exporteer het rapport van het hele register.</translation>
    </message>
    <message>
        <source>The filter on the Organisations page shows no organisations.</source>
        <translation>Het filter op de pagina Organisaties toont geen organisaties.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Verzoek</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Dagen over</translation>
    </message>
    <message>
        <source>via {channel}; answer due {due}</source>
        <extracomment>The summaries the service writes on the timeline itself, by event kind: stored in English (exports carry them); the UI shows them in its language (app/ui/timeline_text.py).</extracomment>
        <translation>via {channel}; antwoord uiterlijk {due}</translation>
    </message>
    <message>
        <source>they confirmed receipt</source>
        <translation>ze bevestigden de ontvangst</translation>
    </message>
    <message>
        <source>complaint request {id}</source>
        <translation>klacht: verzoek {id}</translation>
    </message>
    <message>
        <source>reminder {id}</source>
        <translation>herinnering: verzoek {id}</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Quid is still working; try again when it has finished.</source>
        <translation>Quid is nog bezig; probeer het opnieuw als het klaar is.</translation>
    </message>
    <message>
        <source>Example not loaded</source>
        <translation>Voorbeeld niet geladen</translation>
    </message>
    <message>
        <source>Example ledger loaded: {n} organisations of a fictional person.</source>
        <translation>Voorbeeldregister geladen: {n} organisaties van een verzonnen persoon.</translation>
    </message>
    <message>
        <source>Remove the example ledger?</source>
        <translation>Het voorbeeldregister verwijderen?</translation>
    </message>
    <message>
        <source>Delete the {n} example organisations and everything recorded about them (including requests written to them)? Organisations you added yourself stay.</source>
        <translation>De {n} voorbeeldorganisaties verwijderen, met alles wat erover is vastgelegd (ook verzoeken aan hen)? Organisaties die je zelf hebt toegevoegd, blijven staan.</translation>
    </message>
    <message>
        <source>Remove the example</source>
        <translation>Voorbeeld verwijderen</translation>
    </message>
    <message>
        <source>Example not removed</source>
        <translation>Voorbeeld niet verwijderd</translation>
    </message>
    <message>
        <source>Example ledger removed: {n} organisations deleted.</source>
        <translation>Voorbeeldregister verwijderd: {n} organisaties gewist.</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <source>contains a NUL character.</source>
        <translation>bevat een NUL-teken.</translation>
    </message>
    <message>
        <source>must not be empty.</source>
        <translation>mag niet leeg zijn.</translation>
    </message>
    <message>
        <source>is too long ({length:,} characters; at most {limit:,}).</source>
        <translation>is te lang ({length:,} tekens; hoogstens {limit:,}).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an email address.</source>
        <translation>&apos;{value}&apos; is geen e-mailadres.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a domain such as example.com.</source>
        <translation>&apos;{value}&apos; is geen domein zoals example.com.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a two-letter country code (NL, DE …).</source>
        <translation>&apos;{value}&apos; is geen landcode van twee letters (NL, DE …).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date (YYYY-MM-DD).</source>
        <translation>&apos;{value}&apos; is geen datum (JJJJ-MM-DD).</translation>
    </message>
    <message>
        <source>{date} is out of range.</source>
        <translation>{date} valt buiten het mogelijke bereik.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of: {allowed}.</source>
        <translation>&apos;{value}&apos; is niet een van: {allowed}.</translation>
    </message>
    <message>
        <source>cannot be negative.</source>
        <translation>kan niet negatief zijn.</translation>
    </message>
    <message>
        <source>is implausibly large.</source>
        <translation>is onwaarschijnlijk groot.</translation>
    </message>
    <message>
        <source>is before the start date.</source>
        <translation>ligt vóór de begindatum.</translation>
    </message>
    <message>
        <source>is before the first use.</source>
        <translation>ligt vóór het eerste gebruik.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an amount in euros, e.g. 4.99 or 4,99.</source>
        <translation>&apos;{value}&apos; is geen bedrag in euro, bijvoorbeeld 4,99 of 4.99.</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>Een bedrag kan niet negatief zijn.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an amount.</source>
        <translation>&apos;{value}&apos; is geen bedrag.</translation>
    </message>
    <message>
        <source>That amount is implausibly large.</source>
        <translation>Dat bedrag is onwaarschijnlijk groot.</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is not a data category. Did you mean: {suggestions}? Quid&apos;s category keys are the terms of the W3C Data Privacy Vocabulary, written like EmailAddress or BirthDate.</source>
        <translation>&apos;{key}&apos; is geen gegevenscategorie. Bedoelde je: {suggestions}? De categoriesleutels van Quid zijn de termen van de W3C Data Privacy Vocabulary, geschreven als EmailAddress of BirthDate.</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is not a data category. Quid&apos;s category keys are the terms of the W3C Data Privacy Vocabulary, written like EmailAddress or BirthDate.</source>
        <translation>&apos;{key}&apos; is geen gegevenscategorie. De categoriesleutels van Quid zijn de termen van de W3C Data Privacy Vocabulary, geschreven als EmailAddress of BirthDate.</translation>
    </message>
    <message>
        <source>The vault file is damaged and cannot be read. Quid has not changed it. Restore a backup, or keep the file for a later repair.</source>
        <translation>Het kluisbestand is beschadigd en kan niet worden gelezen. Quid heeft het niet veranderd. Zet een reservekopie terug, of bewaar het bestand voor een latere reparatie.</translation>
    </message>
    <message>
        <source>Quid needs SQLCipher 4 but found {version}; reinstall Quid (the sqlcipher3-wheels package).</source>
        <translation>Quid heeft SQLCipher 4 nodig, maar vond {version}; installeer Quid opnieuw (het pakket sqlcipher3-wheels).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>The vault file (ledger.db) is missing.</source>
        <translation>Het kluisbestand (ledger.db) ontbreekt.</translation>
    </message>
    <message>
        <source>{path} is not a file.</source>
        <translation>{path} is geen bestand.</translation>
    </message>
    <message>
        <source>The vault file is damaged: it is empty or cut short. Quid has not changed it. Restore a backup, or keep the file for a later repair.</source>
        <translation>Het kluisbestand is beschadigd: het is leeg of afgekapt. Quid heeft het niet veranderd. Zet een reservekopie terug, of bewaar het bestand voor een latere reparatie.</translation>
    </message>
    <message>
        <source>This file is an SQLCipher 3 database. Quid uses SQLCipher 4 and will not convert it on its own.</source>
        <translation>Dit bestand is een SQLCipher 3-database. Quid gebruikt SQLCipher 4 en zet het niet uit zichzelf om.</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved; free some space and try again.</source>
        <translation>De schijf is vol. Er is niets opgeslagen; maak ruimte vrij en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The disk is full: {path} was not written. Free some space and try again.</source>
        <translation>De schijf is vol: {path} is niet geschreven. Maak ruimte vrij en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Could not write {path} ({reason}). Nothing was written.</source>
        <translation>Kon {path} niet schrijven ({reason}). Er is niets geschreven.</translation>
    </message>
    <message>
        <source>This vault&apos;s key file was written by a newer Quid. Update Quid to open it.</source>
        <translation>Het sleutelbestand van deze kluis is geschreven door een nieuwere Quid. Werk Quid bij om de kluis te openen.</translation>
    </message>
    <message>
        <source>The vault&apos;s key file (ledger.key) is damaged. Your ledger is untouched: open it with your recovery key.</source>
        <translation>Het sleutelbestand van de kluis (ledger.key) is beschadigd. Je register is onaangeroerd: open het met je herstelsleutel.</translation>
    </message>
    <message>
        <source>The vault&apos;s key file (ledger.key) is missing. Your ledger is untouched: open it with your recovery key.</source>
        <translation>Het sleutelbestand van de kluis (ledger.key) ontbreekt. Je register is onaangeroerd: open het met je herstelsleutel.</translation>
    </message>
    <message>
        <source>The vault&apos;s key file (ledger.key) cannot be read. Your ledger is untouched: open it with your recovery key.</source>
        <translation>Het sleutelbestand van de kluis (ledger.key) kan niet worden gelezen. Je register is onaangeroerd: open het met je herstelsleutel.</translation>
    </message>
    <message>
        <source>Enter the recovery key you saved when the vault was made.</source>
        <translation>Voer de herstelsleutel in die je hebt bewaard toen de kluis werd gemaakt.</translation>
    </message>
    <message>
        <source>That is not a recovery key: it has 56 letters and digits 2–7, in 14 groups of four. Check it for a missing or extra character.</source>
        <translation>Dat is geen herstelsleutel: die heeft 56 letters en cijfers 2–7, in 14 groepen van vier. Kijk of er een teken ontbreekt of te veel is.</translation>
    </message>
    <message>
        <source>The recovery key has a typo: its checksum does not match. Compare it group by group.</source>
        <translation>De herstelsleutel bevat een tikfout: de controlesom klopt niet. Vergelijk hem groep voor groep.</translation>
    </message>
    <message>
        <source>A passphrase needs at least {count} characters; a few unrelated words are easiest to remember.</source>
        <extracomment>The cost used for new passphrases; tuned to ~0.4 s on a 2-core machine (see README).</extracomment>
        <translation>Een wachtwoordzin heeft minstens {count} tekens nodig; een paar losse woorden zijn het makkelijkst te onthouden.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Verkeerde wachtwoordzin.</translation>
    </message>
    <message>
        <source>No system keyring is available on this computer.</source>
        <translation>Er is geen sleutelbos van het systeem beschikbaar op deze computer.</translation>
    </message>
    <message>
        <source>The system keyring is locked.</source>
        <translation>De sleutelbos van het systeem is vergrendeld.</translation>
    </message>
    <message>
        <source>The system keyring does not work ({error}).</source>
        <translation>De sleutelbos van het systeem werkt niet ({error}).</translation>
    </message>
    <message>
        <source>The system keyring does not keep what is stored in it.</source>
        <translation>De sleutelbos van het systeem bewaart niet wat erin wordt opgeslagen.</translation>
    </message>
    <message>
        <source>The system keyring is locked. Unlock it and try again, or use your recovery key.</source>
        <translation>De sleutelbos van het systeem is vergrendeld. Ontgrendel hem en probeer het opnieuw, of gebruik je herstelsleutel.</translation>
    </message>
    <message>
        <source>The system keyring could not {action} the key ({error}).</source>
        <translation>De sleutelbos van het systeem kon de sleutel niet {action} ({error}).</translation>
    </message>
    <message>
        <source>store</source>
        <translation>opslaan</translation>
    </message>
    <message>
        <source>The system keyring did not keep the key.</source>
        <translation>De sleutelbos van het systeem heeft de sleutel niet bewaard.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lezen</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>verwijderen</translation>
    </message>
    <message>
        <source>This vault is already open in another Quid window or command (process {pid}). Close that one first.</source>
        <translation>Deze kluis is al geopend in een ander venster of een andere opdracht van Quid (proces {pid}). Sluit die eerst.</translation>
    </message>
    <message>
        <source>This vault is already open in another Quid window or command. Close that one first.</source>
        <translation>Deze kluis is al geopend in een ander venster of een andere opdracht van Quid. Sluit die eerst.</translation>
    </message>
    <message>
        <source>This vault was written by a newer Quid (schema {found}; this Quid knows up to {latest}). Update Quid to open it; the vault was not changed.</source>
        <translation>Deze kluis is geschreven door een nieuwere Quid (schema {found}; deze Quid kent tot en met {latest}). Werk Quid bij om de kluis te openen; de kluis is niet veranderd.</translation>
    </message>
    <message>
        <source>The disk is full: Quid could not back up the vault before upgrading it, so it did not upgrade. Free some space and open it again.</source>
        <translation>De schijf is vol: Quid kon vóór het bijwerken geen reservekopie van de kluis maken en heeft hem dus niet bijgewerkt. Maak ruimte vrij en open hem opnieuw.</translation>
    </message>
    <message>
        <source>Quid could not back up the vault before upgrading it ({reason}); nothing was changed.</source>
        <translation>Quid kon vóór het bijwerken geen reservekopie van de kluis maken ({reason}); er is niets veranderd.</translation>
    </message>
    <message>
        <source>This backup cannot be opened with this vault&apos;s key, or it is damaged.</source>
        <translation>Deze reservekopie gaat niet open met de sleutel van deze kluis, of hij is beschadigd.</translation>
    </message>
    <message>
        <source>This backup is damaged too; choose another one.</source>
        <translation>Deze reservekopie is ook beschadigd; kies een andere.</translation>
    </message>
    <message>
        <source>This backup belongs to another vault; choose another one.</source>
        <translation>Deze reservekopie hoort bij een andere kluis; kies een andere.</translation>
    </message>
    <message>
        <source>The vault file ledger.db is missing from {folder}, but its key file is there. Put ledger.db back or restore a backup. Quid will not start a new vault over it.</source>
        <translation>Het kluisbestand ledger.db ontbreekt in {folder}, maar het sleutelbestand is er wel. Zet ledger.db terug of zet een reservekopie terug. Quid begint er geen nieuwe kluis overheen.</translation>
    </message>
    <message>
        <source>There is no vault in {folder} yet. Create one first.</source>
        <translation>Er is nog geen kluis in {folder}. Maak er eerst een.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <extracomment>opened with the recovery key: the old passphrase may be forgotten</extracomment>
        <translation>De kluis is vergrendeld.</translation>
    </message>
    <message>
        <source>Internal error: the key does not match this vault; nothing changed.</source>
        <translation>Interne fout: de sleutel past niet bij deze kluis; er is niets veranderd.</translation>
    </message>
    <message>
        <source>This vault keeps its key in the system keyring, not a passphrase.</source>
        <translation>Deze kluis bewaart zijn sleutel in de sleutelbos van het systeem, niet achter een wachtwoordzin.</translation>
    </message>
    <message>
        <source>{problem} Choose a passphrase instead.</source>
        <translation>{problem} Kies in plaats daarvan een wachtwoordzin.</translation>
    </message>
    <message>
        <source>A vault already exists in {folder}. Quid never replaces it.</source>
        <translation>Er is al een kluis in {folder}. Quid vervangt die nooit.</translation>
    </message>
    <message>
        <source>{key_file} belongs to a vault whose ledger.db is missing. Put ledger.db back, or move the key file away to start a new vault.</source>
        <translation>{key_file} hoort bij een kluis waarvan ledger.db ontbreekt. Zet ledger.db terug, of verplaats het sleutelbestand om een nieuwe kluis te beginnen.</translation>
    </message>
    <message>
        <source>This vault is protected by a passphrase. Enter it to unlock.</source>
        <translation>Deze kluis is beschermd met een wachtwoordzin. Voer die in om te ontgrendelen.</translation>
    </message>
    <message>
        <source>The key of this vault is no longer in the system keyring. Open it with your recovery key; Quid will put the key back.</source>
        <translation>De sleutel van deze kluis staat niet meer in de sleutelbos van het systeem. Open de kluis met je herstelsleutel; Quid zet de sleutel terug.</translation>
    </message>
    <message>
        <source>This vault keeps its key in the system keyring; no passphrase needed.</source>
        <translation>Deze kluis bewaart zijn sleutel in de sleutelbos van het systeem; een wachtwoordzin is niet nodig.</translation>
    </message>
    <message>
        <source>Wrong passphrase (or a damaged key file). Check Caps Lock and the keyboard layout, or use your recovery key.</source>
        <translation>Verkeerde wachtwoordzin (of een beschadigd sleutelbestand). Controleer Caps Lock en de toetsenbordindeling, of gebruik je herstelsleutel.</translation>
    </message>
    <message>
        <source>This recovery key belongs to another vault.</source>
        <translation>Deze herstelsleutel hoort bij een andere kluis.</translation>
    </message>
    <message>
        <source>This recovery key does not open the vault, or the vault file is damaged.</source>
        <translation>Deze herstelsleutel opent de kluis niet, of het kluisbestand is beschadigd.</translation>
    </message>
    <message>
        <source>The restored copy failed its check, so it was not used. Your ledger was not changed.</source>
        <translation>De teruggezette kopie kwam niet door de controle en is dus niet gebruikt. Je register is niet veranderd.</translation>
    </message>
    <message>
        <source>That is the vault itself, not a backup; nothing was changed.</source>
        <translation>Dat is de kluis zelf, geen reservekopie; er is niets veranderd.</translation>
    </message>
    <message>
        <source>nothing was restored and your ledger was not changed</source>
        <translation>er is niets teruggezet en je register is niet veranderd</translation>
    </message>
    <message>
        <source>Back up every: give a whole number of days from 0 (never) to {most}. Nothing was changed.</source>
        <extracomment>`ledger-scheduled-&lt;short vault id&gt;-STAMP.db`; without the id: the name before Quid put it in</extracomment>
        <translation>Reservekopie elke: geef een heel aantal dagen van 0 (nooit) tot en met {most}. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>Keep the last: give a whole number of backups from 1 to {most}. Nothing was changed.</source>
        <translation>De laatste bewaren: geef een heel aantal reservekopieën van 1 tot en met {most}. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>Backup folder: {folder} is not a full path. Nothing was changed.</source>
        <translation>Map voor reservekopieën: {folder} is geen volledig pad. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>Backup folder: {folder} is a file, not a folder. Nothing was changed.</source>
        <translation>Map voor reservekopieën: {folder} is een bestand, geen map. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>Backup folder: choose a folder other than the vault&apos;s own (the default is its backups folder). Nothing was changed.</source>
        <translation>Map voor reservekopieën: kies een andere map dan die van de kluis zelf (standaard is dat de map met reservekopieën van de kluis). Er is niets veranderd.</translation>
    </message>
    <message>
        <source>The backup folder {folder} is not there (is the drive connected?); no backup was made.</source>
        <translation>De map voor reservekopieën {folder} is er niet (is de schijf aangesloten?); er is geen reservekopie gemaakt.</translation>
    </message>
    <message>
        <source>The backup folder {folder} cannot be made ({reason}); no backup was made.</source>
        <translation>De map voor reservekopieën {folder} kan niet worden gemaakt ({reason}); er is geen reservekopie gemaakt.</translation>
    </message>
    <message>
        <source>This backup is damaged: some of its pages fail their check. Nothing was changed.</source>
        <extracomment>vault_meta rows that describe the backup itself (dropped again when it is restored)</extracomment>
        <translation>Deze reservekopie is beschadigd: sommige pagina&apos;s komen niet door de controle. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>This backup does not open with the key or passphrase given: a wrong passphrase, a backup of another vault, or a damaged file. Nothing was changed.</source>
        <translation>Deze reservekopie gaat niet open met de opgegeven sleutel of wachtwoordzin: een verkeerde wachtwoordzin, een reservekopie van een andere kluis of een beschadigd bestand. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>This backup passphrase is weak: a backup may leave this computer, so add more words or characters. Nothing was written.</source>
        <translation>Deze wachtwoordzin voor de reservekopie is zwak: een reservekopie kan deze computer verlaten, dus voeg meer woorden of tekens toe. Er is niets geschreven.</translation>
    </message>
    <message>
        <source>A backup passphrase cannot have the form x&apos;…&apos;; choose another. Nothing was written.</source>
        <translation>Een wachtwoordzin voor een reservekopie kan niet de vorm x&apos;…&apos; hebben; kies een andere. Er is niets geschreven.</translation>
    </message>
    <message>
        <source>Internal error: give either a key or a passphrase; nothing was changed.</source>
        <translation>Interne fout: geef óf een sleutel óf een wachtwoordzin; er is niets veranderd.</translation>
    </message>
    <message>
        <source>Quid needs SQLCipher 4; reinstall Quid (the sqlcipher3-wheels package).</source>
        <translation>Quid heeft SQLCipher 4 nodig; installeer Quid opnieuw (het pakket sqlcipher3-wheels).</translation>
    </message>
    <message>
        <source>There is no file {path}; nothing was changed.</source>
        <translation>Er is geen bestand {path}; er is niets veranderd.</translation>
    </message>
    <message>
        <source>{path} is not a file; nothing was changed.</source>
        <translation>{path} is geen bestand; er is niets veranderd.</translation>
    </message>
    <message>
        <source>Quid cannot read {path} ({reason}); nothing was changed.</source>
        <translation>Quid kan {path} niet lezen ({reason}); er is niets veranderd.</translation>
    </message>
    <message>
        <source>The backup {name} is damaged: it is empty or cut short. Nothing was changed.</source>
        <translation>De reservekopie {name} is beschadigd: hij is leeg of afgekapt. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>{name} is not a Quid backup; nothing was changed.</source>
        <translation>{name} is geen reservekopie van Quid; er is niets veranderd.</translation>
    </message>
    <message>
        <source>This backup was written by a newer Quid (schema {found}; this Quid knows up to {latest}). Update Quid to restore it; nothing was changed.</source>
        <translation>Deze reservekopie is geschreven door een nieuwere Quid (schema {found}; deze Quid kent tot en met {latest}). Werk Quid bij om hem terug te zetten; er is niets veranderd.</translation>
    </message>
    <message>
        <source>{name} is one of the vault&apos;s own files; choose another name or folder. Nothing was written.</source>
        <translation>{name} is een van de eigen bestanden van de kluis; kies een andere naam of map. Er is niets geschreven.</translation>
    </message>
    <message>
        <source>The disk is full: {what}. Free some space and try again.</source>
        <translation>De schijf is vol: {what}. Maak ruimte vrij en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Quid could not write the file ({reason}): {what}.</source>
        <translation>Quid kon het bestand niet schrijven ({reason}): {what}.</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file name. Nothing was written.</source>
        <translation>{path} is een map; kies een bestandsnaam. Er is niets geschreven.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist; nothing was written.</source>
        <translation>De map {folder} bestaat niet; er is niets geschreven.</translation>
    </message>
    <message>
        <source>the backup was not written</source>
        <translation>de reservekopie is niet geschreven</translation>
    </message>
    <message>
        <source>{name} was changed or removed in the ledger since the export was read; nothing was imported. Read the export again.</source>
        <translation>{name} is in het register veranderd of verwijderd sinds de export werd gelezen; er is niets geïmporteerd. Lees de export opnieuw.</translation>
    </message>
    <message>
        <source>already has organisations; the example only goes into an empty ledger.</source>
        <translation>bevat al organisaties; het voorbeeld gaat alleen in een leeg register.</translation>
    </message>
    <message>
        <source>{path} is a folder; name a file. Nothing was written.</source>
        <extracomment>kind → (file name stem, extension) of the default name, e.g. quid-ledger-2026-11-29.json</extracomment>
        <translation>{path} is een map; geef een bestandsnaam. Er is niets geschreven.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Nothing was written.</source>
        <translation>De map {folder} bestaat niet. Er is niets geschreven.</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name or allow overwriting it. Nothing was written.</source>
        <translation>{path} bestaat al; kies een andere naam of sta overschrijven toe. Er is niets geschreven.</translation>
    </message>
    <message>
        <source>{name} is larger than 1 GB; that is not a Quid ledger file. Nothing was changed.</source>
        <extracomment>table → (the table its list goes to, owner column, value column, key of the list)</extracomment>
        <translation>{name} is groter dan 1 GB; dat is geen registerbestand van Quid. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>Could not read {path} ({reason}). Nothing was changed.</source>
        <translation>Kon {path} niet lezen ({reason}). Er is niets veranderd.</translation>
    </message>
    <message>
        <source>{name} line {line}: the file is not UTF-8 text (byte {byte}). Nothing was changed.</source>
        <translation>{name} regel {line}: het bestand is geen UTF-8-tekst (byte {byte}). Er is niets veranderd.</translation>
    </message>
    <message>
        <source>{name} line {line}, column {column}: not valid JSON ({reason}). Nothing was changed.</source>
        <translation>{name} regel {line}, kolom {column}: geen geldige JSON ({reason}). Er is niets veranderd.</translation>
    </message>
    <message>
        <source>{name}: not valid JSON ({reason}). Nothing was changed.</source>
        <translation>{name}: geen geldige JSON ({reason}). Er is niets veranderd.</translation>
    </message>
    <message>
        <source>there is no organisation {id} in the file.</source>
        <extracomment>what a record&apos;s owner id points at, when the file has no such record</extracomment>
        <translation>er is geen organisatie {id} in het bestand.</translation>
    </message>
    <message>
        <source>there is no request {id} in the file.</source>
        <translation>er is geen verzoek {id} in het bestand.</translation>
    </message>
    <message>
        <source>must be a data category key such as EmailAddress.</source>
        <translation>moet de sleutel van een gegevenscategorie zijn, zoals EmailAddress.</translation>
    </message>
    <message>
        <source>is larger than 50 MB.</source>
        <translation>is groter dan 50 MB.</translation>
    </message>
    <message>
        <source>is not base64 text.</source>
        <translation>is geen base64-tekst.</translation>
    </message>
    <message>
        <source>says {size} bytes but the content has {actual}.</source>
        <translation>zegt {size} bytes, maar de inhoud heeft er {actual}.</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to {high:g}.</source>
        <translation>moet een heel getal van 0 tot en met {high:g} zijn.</translation>
    </message>
    <message>
        <source>must be a number from 0 to {high:g}.</source>
        <translation>moet een getal van 0 tot en met {high:g} zijn.</translation>
    </message>
    <message>
        <source>{questionable:g} must not be above unbalanced_ratio ({unbalanced:g}), as in the assessment settings.</source>
        <translation>{questionable:g} mag niet boven unbalanced_ratio ({unbalanced:g}) liggen, net als in de instellingen van de beoordeling.</translation>
    </message>
    <message>
        <source>{unbalanced:g} must not be below questionable_ratio ({questionable:g}), as in the assessment settings.</source>
        <translation>{unbalanced:g} mag niet onder questionable_ratio ({questionable:g}) liggen, net als in de instellingen van de beoordeling.</translation>
    </message>
    <message>
        <source>must be an object ({…}).</source>
        <translation>moet een object zijn ({…}).</translation>
    </message>
    <message>
        <source>must be whole cents from 0 to {most:,}.</source>
        <translation>moet een heel aantal centen van 0 tot en met {most:,} zijn.</translation>
    </message>
    <message>
        <source>{id} appears twice in {table}.</source>
        <translation>{id} komt twee keer voor in {table}.</translation>
    </message>
    <message>
        <source>there is no other request {id} in the file.</source>
        <translation>er is geen ander verzoek {id} in het bestand.</translation>
    </message>
    <message>
        <source>there is no event {event} of request {request} in the file.</source>
        <translation>er is geen gebeurtenis {event} van verzoek {request} in het bestand.</translation>
    </message>
    <message>
        <source>tiers[{other}] of the same organisation is already the chosen one.</source>
        <translation>tiers[{other}] van dezelfde organisatie is al het gekozen niveau.</translation>
    </message>
    <message>
        <source>This is not a Quid ledger file (no &quot;format&quot;: &quot;{format}&quot;). Nothing was changed.</source>
        <translation>Dit is geen registerbestand van Quid (geen &quot;format&quot;: &quot;{format}&quot;). Er is niets veranderd.</translation>
    </message>
    <message>
        <source>must be the file format&apos;s version number.</source>
        <translation>moet het versienummer van het bestandsformaat zijn.</translation>
    </message>
    <message>
        <source>This file was written by a newer Quid (format version {found}; this Quid reads up to {latest}). Update Quid to import it. Nothing was changed.</source>
        <translation>Dit bestand is geschreven door een nieuwere Quid (formaatversie {found}; deze Quid leest tot en met {latest}). Werk Quid bij om het te importeren. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>is not a part of a Quid ledger file.</source>
        <translation>hoort niet in een registerbestand van Quid.</translation>
    </message>
    <message>
        <source>must be a list ([…]).</source>
        <translation>moet een lijst zijn ([…]).</translation>
    </message>
    <message>
        <source>{where}: {problem} Nothing was changed.</source>
        <translation>{where}: {problem} Er is niets veranderd.</translation>
    </message>
    <message>
        <source>is not a field Quid knows.</source>
        <translation>is geen veld dat Quid kent.</translation>
    </message>
    <message>
        <source>is missing.</source>
        <translation>ontbreekt.</translation>
    </message>
    <message>
        <source>must be text.</source>
        <translation>moet tekst zijn.</translation>
    </message>
    <message>
        <source>must be text or null.</source>
        <translation>moet tekst of null zijn.</translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation>moet true of false zijn.</translation>
    </message>
    <message>
        <source>must be true, false or null.</source>
        <translation>moet true, false of null zijn.</translation>
    </message>
    <message>
        <source>must be a whole number or null.</source>
        <translation>moet een heel getal of null zijn.</translation>
    </message>
    <message>
        <source>must be a whole number.</source>
        <translation>moet een heel getal zijn.</translation>
    </message>
    <message>
        <source>{value} is not a valid id (a positive whole number).</source>
        <translation>{value} is geen geldige id (een positief heel getal).</translation>
    </message>
    <message>
        <source>must be a list of texts.</source>
        <translation>moet een lijst van teksten zijn.</translation>
    </message>
    <message>
        <source>must be a timestamp such as 2026-01-31T12:00:00+00:00.</source>
        <translation>moet een tijdstempel zijn, zoals 2026-01-31T12:00:00+00:00.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid timestamp.</source>
        <translation>&apos;{value}&apos; is geen geldige tijdstempel.</translation>
    </message>
    <message>
        <source>There is no organisation with id {id}.</source>
        <translation>Er is geen organisatie met id {id}.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; matches {count} organisations; use the id.</source>
        <translation>&apos;{name}&apos; past bij {count} organisaties; gebruik de id.</translation>
    </message>
    <message>
        <source>There is no organisation &apos;{name}&apos; in the ledger.</source>
        <translation>Er is geen organisatie &apos;{name}&apos; in het register.</translation>
    </message>
    <message>
        <source>an organisation cannot be merged with itself.</source>
        <translation>een organisatie kan niet met zichzelf worden samengevoegd.</translation>
    </message>
    <message>
        <source>There is no record {id} in {table}.</source>
        <translation>Er is geen record {id} in {table}.</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not a kind of letter.</source>
        <extracomment>Letters sent to the organisation (all but the complaint, which goes to the authority). What a reminder or a complaint can refer to: the requests themselves. Art. 17(1) grounds an erasure letter can invoke, and the point of 17(1) each is. Art. 18(1) grounds a restriction letter can invoke, and the point of 18(1) each is. Days a reminder gives the organisation to answer after the Art. 12(3) deadline passed. Words by which a ledger&apos;s free-text legal basis says &quot;consent&quot;, in the four languages.</extracomment>
        <translation>&apos;{kind}&apos; is geen soort brief.</translation>
    </message>
    <message>
        <source>&apos;{language}&apos; is not one of {languages}.</source>
        <translation>&apos;{language}&apos; is niet een van {languages}.</translation>
    </message>
    <message>
        <source>fill in your name in your profile: letters are signed.</source>
        <translation>vul je naam in je profiel in: brieven worden ondertekend.</translation>
    </message>
    <message>
        <source>not a ground for this letter: {grounds}.</source>
        <translation>geen grond voor deze brief: {grounds}.</translation>
    </message>
    <message>
        <source>choose at least one ground that applies.</source>
        <translation>kies minstens één grond die van toepassing is.</translation>
    </message>
    <message>
        <source>say which data is wrong and what it should be.</source>
        <translation>zeg welke gegevens onjuist zijn en wat ze moeten zijn.</translation>
    </message>
    <message>
        <source>a reminder needs the request it refers to.</source>
        <translation>een herinnering heeft het verzoek nodig waarnaar ze verwijst.</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not a request.</source>
        <translation>&apos;{kind}&apos; is geen verzoek.</translation>
    </message>
    <message>
        <source>choose the supervisory authority to complain to.</source>
        <translation>kies de toezichthouder waarbij je een klacht indient.</translation>
    </message>
    <message>
        <source>fill in your name in your profile first: every letter is signed with it.</source>
        <translation>vul eerst je naam in je profiel in: elke brief wordt ermee ondertekend.</translation>
    </message>
    <message>
        <source>the file is not text</source>
        <translation>het bestand is geen tekst</translation>
    </message>
    <message>
        <source>the file holds NUL bytes (a binary file, not a CSV)</source>
        <translation>het bestand bevat NUL-bytes (een binair bestand, geen CSV)</translation>
    </message>
    <message>
        <source>a line is longer than 64 MiB</source>
        <translation>een regel is langer dan 64 MiB</translation>
    </message>
    <message>
        <source>a quoted cell is never closed (a missing quote)</source>
        <translation>een cel tussen aanhalingstekens wordt nooit gesloten (er ontbreekt een aanhalingsteken)</translation>
    </message>
    <message>
        <source>a quote inside a cell is not doubled</source>
        <translation>een aanhalingsteken in een cel is niet verdubbeld</translation>
    </message>
    <message>
        <source>a cell is longer than 64 MiB</source>
        <translation>een cel is langer dan 64 MiB</translation>
    </message>
    <message>
        <source>a line break inside an unquoted cell</source>
        <translation>een regeleinde in een cel zonder aanhalingstekens</translation>
    </message>
    <message>
        <source>the row is not valid CSV</source>
        <translation>de rij is geen geldige CSV</translation>
    </message>
    <message>
        <source>there is no column &apos;{name}&apos;</source>
        <translation>er is geen kolom &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>no column with web addresses was chosen</source>
        <translation>er is geen kolom met webadressen gekozen</translation>
    </message>
    <message>
        <source>The file&apos;s columns are not recognised as an export of Bitwarden, 1Password, KeePassXC, LastPass, Chrome/Edge, Firefox or Safari; say which column holds what (on the command line: --url-column NAME); nothing was imported.</source>
        <translation>De kolommen van het bestand worden niet herkend als een export van Bitwarden, 1Password, KeePassXC, LastPass, Chrome/Edge, Firefox of Safari; geef aan welke kolom wat bevat (op de opdrachtregel: --url-column NAAM); er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>the row has {cells} cells where the header names {needed}</source>
        <translation>de rij heeft {cells} cellen, waar de kopregel er {needed} noemt</translation>
    </message>
    <message>
        <source>the row could not be read</source>
        <translation>de rij kon niet worden gelezen</translation>
    </message>
    <message>
        <source>The file is empty; nothing was imported.</source>
        <translation>Het bestand is leeg; er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>There is no file {path}; nothing was imported.</source>
        <translation>Er is geen bestand {path}; er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>{path} is a folder, not an export file; nothing was imported.</source>
        <translation>{path} is een map, geen exportbestand; er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>Quid may not read {path}; nothing was imported.</source>
        <translation>Quid mag {path} niet lezen; er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>Line {number}: {what}; nothing was imported.</source>
        <translation>Regel {number}: {what}; er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>The first line of {name} does not look like a header row (column names); add one or export again with headers. Nothing was imported.</source>
        <translation>De eerste regel van {name} lijkt geen kopregel (kolomnamen); voeg er een toe of exporteer opnieuw met kopregel. Er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>this is not a {format} export (it has no &apos;{column}&apos; column)</source>
        <translation>dit is geen export van {format} (er is geen kolom &apos;{column}&apos;)</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Geannuleerd; er is niets veranderd.</translation>
    </message>
    <message>
        <source>Choose at least one organisation for the report; nothing was written.</source>
        <translation>Kies minstens één organisatie voor het rapport; er is niets geschreven.</translation>
    </message>
    <message>
        <source>There is no organisation with id {id}; nothing was written.</source>
        <translation>Er is geen organisatie met id {id}; er is niets geschreven.</translation>
    </message>
    <message>
        <source>This request was sent; its letter can no longer change.</source>
        <translation>Dit verzoek is verstuurd; de brief kan niet meer veranderen.</translation>
    </message>
    <message>
        <source>Request {id} was already sent.</source>
        <translation>Verzoek {id} is al verstuurd.</translation>
    </message>
    <message>
        <source>{name} is larger than 50 MB.</source>
        <translation>{name} is groter dan 50 MB.</translation>
    </message>
    <message>
        <source>There is no request {id}.</source>
        <translation>Er is geen verzoek {id}.</translation>
    </message>
    <message>
        <source>There is no attachment {id}.</source>
        <translation>Er is geen bijlage {id}.</translation>
    </message>
    <message>
        <source>Request {id} has not been sent yet.</source>
        <translation>Verzoek {id} is nog niet verstuurd.</translation>
    </message>
    <message>
        <source>Request {id} is already {status}.</source>
        <translation>Verzoek {id} is al {status}.</translation>
    </message>
    <message>
        <source>recipient</source>
        <extracomment>Longest body, percent-encoded, that a mailto: link carries (about 2,000 characters in all is what Windows and Outlook pass on). Ends a body that was cut to fit a mailto: link, so the cut is visible in the draft. Message-IDs use this domain: make_msgid would otherwise look up the host name.</extracomment>
        <translation>ontvanger</translation>
    </message>
    <message>
        <source>sender</source>
        <translation>afzender</translation>
    </message>
    <message>
        <source>The {role}&apos;s e-mail address is empty.</source>
        <translation>Het e-mailadres van de {role} is leeg.</translation>
    </message>
    <message>
        <source>The {role}&apos;s e-mail address must be on one line.</source>
        <translation>Het e-mailadres van de {role} moet op één regel staan.</translation>
    </message>
    <message>
        <source>Give exactly one e-mail address for the {role}.</source>
        <translation>Geef precies één e-mailadres voor de {role}.</translation>
    </message>
    <message>
        <source>The {role}&apos;s e-mail address is not valid: write it like name@example.org.</source>
        <translation>Het e-mailadres van de {role} is niet geldig: schrijf het als naam@example.org.</translation>
    </message>
    <message>
        <source>The {role}&apos;s e-mail address has characters before the @ that mail programs may not accept; use its plain (ASCII) form.</source>
        <translation>Het e-mailadres van de {role} heeft tekens vóór de @ die e-mailprogramma&apos;s misschien niet accepteren; gebruik de eenvoudige (ASCII-)vorm.</translation>
    </message>
    <message>
        <source>The {role}&apos;s e-mail address has a domain that is not valid.</source>
        <translation>Het e-mailadres van de {role} heeft een domein dat niet geldig is.</translation>
    </message>
    <message>
        <source>There is no tier with id {id}.</source>
        <translation>Er is geen niveau met id {id}.</translation>
    </message>
    <message>
        <source>a reminder or complaint needs the earlier request.</source>
        <translation>een herinnering of klacht heeft het eerdere verzoek nodig.</translation>
    </message>
    <message>
        <source>request {id} has not been sent yet.</source>
        <translation>verzoek {id} is nog niet verstuurd.</translation>
    </message>
    <message>
        <source>this organisation has no privacy email address; add one, or print the letter.</source>
        <translation>deze organisatie heeft geen e-mailadres voor privacyzaken; voeg er een toe, of druk de brief af.</translation>
    </message>
    <message>
        <source>add your email address to your profile first.</source>
        <translation>voeg eerst je e-mailadres toe aan je profiel.</translation>
    </message>
    <message>
        <source>organisation {id} in the vault</source>
        <extracomment>what makes two records the same, after the owner (organisation, request) fields compared (and reported when they differ) once two records are the same one &quot;organisation 3 in the vault&quot;, per table: marked whole so a translation can inflect them</extracomment>
        <translation>organisatie {id} in de kluis</translation>
    </message>
    <message>
        <source>account {id} in the vault</source>
        <translation>account {id} in de kluis</translation>
    </message>
    <message>
        <source>disclosure {id} in the vault</source>
        <translation>verstrekking {id} in de kluis</translation>
    </message>
    <message>
        <source>benefit {id} in the vault</source>
        <translation>voordeel {id} in de kluis</translation>
    </message>
    <message>
        <source>tier {id} in the vault</source>
        <translation>niveau {id} in de kluis</translation>
    </message>
    <message>
        <source>request {id} in the vault</source>
        <translation>verzoek {id} in de kluis</translation>
    </message>
    <message>
        <source>request event {id} in the vault</source>
        <translation>gebeurtenis {id} van een verzoek in de kluis</translation>
    </message>
    <message>
        <source>attachment {id} in the vault</source>
        <translation>bijlage {id} in de kluis</translation>
    </message>
    <message>
        <source>{where} is {what}: {key} differs (vault {vault}, file {file}); the vault&apos;s value was kept.</source>
        <translation>{where} is {what}: {key} verschilt (kluis {vault}, bestand {file}); de waarde in de kluis is behouden.</translation>
    </message>
    <message>
        <source>{where} is the chosen tier in the file, but organisation {id} in the vault has its own; the vault&apos;s choice was kept.</source>
        <translation>{where} is in het bestand het gekozen niveau, maar organisatie {id} in de kluis heeft een eigen keuze; die is behouden.</translation>
    </message>
    <message>
        <source>your profile in the vault</source>
        <translation>je profiel in de kluis</translation>
    </message>
    <message>
        <source>{where} differs from the vault&apos;s; the vault&apos;s value was kept.</source>
        <translation>{where} verschilt van die in de kluis; de waarde in de kluis is behouden.</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation>Account bewerken</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Account toevoegen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Dormant (not used for a while)</source>
        <translation>Slapend (een tijd niet gebruikt)</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Gesloten</translation>
    </message>
    <message>
        <source>Erasure requested</source>
        <translation>Verwijdering gevraagd</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <source>email address, username or customer number</source>
        <translation>e-mailadres, gebruikersnaam of klantnummer</translation>
    </message>
    <message>
        <source>&amp;Identifier:</source>
        <translation>&amp;Identificatie:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;First used:</source>
        <translation>&amp;Eerst gebruikt:</translation>
    </message>
    <message>
        <source>&amp;Last used:</source>
        <translation>&amp;Laatst gebruikt:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notities:</translation>
    </message>
</context>
<context>
    <name>AddOrganisationDialog</name>
    <message>
        <source>Add organisation</source>
        <translation>Organisatie toevoegen</translation>
    </message>
    <message>
        <source>Name, brand or domain…</source>
        <translation>Naam, merk of domein…</translation>
    </message>
    <message>
        <source>Search organisations</source>
        <translation>Organisaties zoeken</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Zoeken:</translation>
    </message>
    <message>
        <source>Matching organisations</source>
        <translation>Gevonden organisaties</translation>
    </message>
    <message>
        <source>Type a name, a brand or a web domain.</source>
        <translation>Typ een naam, een merk of een webdomein.</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Zoekstatus</translation>
    </message>
    <message>
        <source>C&amp;hoose</source>
        <translation>&amp;Kiezen</translation>
    </message>
    <message>
        <source>&amp;New organisation by hand…</source>
        <translation>&amp;Nieuwe organisatie zelf invoeren…</translation>
    </message>
    <message>
        <source>Already in your ledger</source>
        <translation>Al in je register</translation>
    </message>
    <message>
        <source>In the directory</source>
        <translation>In de gids</translation>
    </message>
    <message>
        <source>{n} in your ledger, {m} in the directory.</source>
        <translation>{n} in je register, {m} in de gids.</translation>
    </message>
    <message>
        <source>Nothing found. Use “New organisation by hand…” to enter it yourself.</source>
        <translation>Niets gevonden. Kies “Nieuwe organisatie zelf invoeren…” om hem zelf in te voeren.</translation>
    </message>
    <message>
        <source>runs {brands}</source>
        <translation>beheert {brands}</translation>
    </message>
    <message>
        <source>Already in your ledger?</source>
        <translation>Al in je register?</translation>
    </message>
    <message>
        <source>“{name}” looks like an organisation already in your ledger: {existing}.</source>
        <translation>“{name}” lijkt op een organisatie die al in je register staat: {existing}.</translation>
    </message>
    <message>
        <source>Open the existing one, or add this one as a separate organisation?</source>
        <translation>De bestaande openen, of deze als aparte organisatie toevoegen?</translation>
    </message>
    <message>
        <source>&amp;Open the existing one</source>
        <translation>De bestaande &amp;openen</translation>
    </message>
    <message>
        <source>&amp;Add anyway</source>
        <translation>Toch &amp;toevoegen</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Nieuwe organisatie</translation>
    </message>
</context>
<context>
    <name>AssessmentSettingsDialog</name>
    <message>
        <source>Assessment settings</source>
        <translation>Beoordelingsinstellingen</translation>
    </message>
    <message>
        <source>How Quid weighs what you gave against what you got. The defaults follow the published figures in Quid&apos;s sources; change any of them to your own judgement.</source>
        <translation>Hoe Quid afweegt wat je gaf tegen wat je kreeg. De standaardwaarden volgen de gepubliceerde cijfers uit de bronnen van Quid; pas ze gerust naar eigen oordeel aan.</translation>
    </message>
    <message>
        <source>Monthly value of each category</source>
        <translation>Maandwaarde per categorie</translation>
    </message>
    <message>
        <source>Find a category…</source>
        <translation>Categorie zoeken…</translation>
    </message>
    <message>
        <source>What each kind of data is worth to you per month (euro). Leave &apos;Your value&apos; empty to use the default.</source>
        <translation>Wat elk soort gegevens jou per maand waard is (euro). Laat &apos;Jouw waarde&apos; leeg voor de standaardwaarde.</translation>
    </message>
    <message>
        <source>&amp;Weights</source>
        <translation>&amp;Gewichten</translation>
    </message>
    <message>
        <source>&amp;Values per category</source>
        <translation>&amp;Waarden per categorie</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <source>The &apos;questionable&apos; ratio must not be above the &apos;unbalanced&apos; one.</source>
        <translation>De verhouding voor &apos;twijfelachtig&apos; mag niet hoger zijn dan die voor &apos;uit balans&apos;.</translation>
    </message>
</context>
<context>
    <name>BackupSettings</name>
    <message>
        <source> days</source>
        <translation> dagen</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nooit</translation>
    </message>
    <message>
        <source>Back up every N days (0 = never)</source>
        <translation>Elke N dagen een reservekopie (0 = nooit)</translation>
    </message>
    <message>
        <source>Keep the last N backups</source>
        <translation>De laatste N reservekopieën bewaren</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Map voor reservekopieën</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bladeren…</translation>
    </message>
    <message>
        <source>&amp;Back up every (0 = never):</source>
        <translation>&amp;Reservekopie elke (0 = nooit):</translation>
    </message>
    <message>
        <source>&amp;Keep the last:</source>
        <translation>De laatste be&amp;waren:</translation>
    </message>
    <message>
        <source>Backup &amp;folder:</source>
        <translation>&amp;Map voor reservekopieën:</translation>
    </message>
</context>
<context>
    <name>BalanceChartView</name>
    <message>
        <source>{name} — {band}: gave {given} a month, got {got}</source>
        <translation>{name} — {band}: gaf {given} per maand, kreeg {got}</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… en nog {n}</translation>
    </message>
</context>
<context>
    <name>BenefitDialog</name>
    <message>
        <source>Edit benefit</source>
        <translation>Voordeel bewerken</translation>
    </message>
    <message>
        <source>Add benefit</source>
        <translation>Voordeel toevoegen</translation>
    </message>
    <message>
        <source>A service (used without paying)</source>
        <translation>Een dienst (gebruikt zonder te betalen)</translation>
    </message>
    <message>
        <source>A discount</source>
        <translation>Een korting</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Geld</translation>
    </message>
    <message>
        <source>Points, vouchers or credit</source>
        <translation>Punten, waardebonnen of tegoed</translation>
    </message>
    <message>
        <source>Content (articles, music, video)</source>
        <translation>Inhoud (artikelen, muziek, video)</translation>
    </message>
    <message>
        <source>Convenience (saved time or effort)</source>
        <translation>Gemak (bespaarde tijd of moeite)</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Iets anders</translation>
    </message>
    <message>
        <source>once</source>
        <translation>eenmalig</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>per maand</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>per jaar</translation>
    </message>
    <message>
        <source>e.g. 4.99 — empty if unknown</source>
        <translation>bijv. 4,99 — leeg als onbekend</translation>
    </message>
    <message>
        <source>Value in euros</source>
        <translation>Waarde in euro</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Omschrijving:</translation>
    </message>
    <message>
        <source>&amp;Value (€):</source>
        <translation>&amp;Waarde (€):</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Vanaf:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Tot:</translation>
    </message>
</context>
<context>
    <name>CategoryPicker</name>
    <message>
        <source>Search categories…</source>
        <translation>Categorieën zoeken…</translation>
    </message>
    <message>
        <source>Search categories</source>
        <translation>Categorieën zoeken</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorieën</translation>
    </message>
    <message>
        <source>No category chosen yet.</source>
        <translation>Nog geen categorie gekozen.</translation>
    </message>
    <message>
        <source>Chosen category</source>
        <translation>Gekozen categorie</translation>
    </message>
    <message>
        <source>{label} — {key}</source>
        <translation>{label} — {key}</translation>
    </message>
    <message>
        <source> · special category</source>
        <translation> · bijzondere categorie</translation>
    </message>
    <message>
        <source>{key} (not in the taxonomy)</source>
        <translation>{key} (niet in de taxonomie)</translation>
    </message>
    <message>
        <source>Chosen: {category}</source>
        <translation>Gekozen: {category}</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Wachtwoordzin wijzigen</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Huidige wachtwoordzin</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation>&amp;Huidige wachtwoordzin:</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <source>Choose the columns</source>
        <translation>Kolommen kiezen</translation>
    </message>
    <message>
        <source>&amp;Web address (required):</source>
        <translation>&amp;Webadres (verplicht):</translation>
    </message>
    <message>
        <source>&amp;Username or e-mail:</source>
        <translation>&amp;Gebruikersnaam of e-mail:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Created on:</source>
        <translation>&amp;Aangemaakt op:</translation>
    </message>
    <message>
        <source>&amp;Last used on:</source>
        <translation>&amp;Laatst gebruikt op:</translation>
    </message>
    <message>
        <source>Last c&amp;hanged on:</source>
        <translation>Laatst ge&amp;wijzigd op:</translation>
    </message>
    <message>
        <source>Choose a column…</source>
        <translation>Kies een kolom…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Webadres</translation>
    </message>
    <message>
        <source>Username or e-mail</source>
        <translation>Gebruikersnaam of e-mail</translation>
    </message>
    <message>
        <source>The first rows, as Quid reads them</source>
        <translation>De eerste rijen, zoals Quid ze leest</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Doorgaan</translation>
    </message>
    <message>
        <source>Which column holds what?</source>
        <translation>Welke kolom bevat wat?</translation>
    </message>
    <message>
        <source>Quid does not recognise the columns of {name}. Choose the column with the web address of each login, and the others where the file has them. Only the web address and username are shown below: the other columns may hold passwords, and Quid never shows or keeps them.</source>
        <translation>Quid herkent de kolommen van {name} niet. Kies de kolom met het webadres van elke login, en de andere als het bestand ze heeft. Hieronder staan alleen het webadres en de gebruikersnaam: de andere kolommen kunnen wachtwoorden bevatten, en die toont of bewaart Quid nooit.</translation>
    </message>
    <message>
        <source>The first rows, as they will be read:</source>
        <translation>De eerste rijen, zoals ze gelezen worden:</translation>
    </message>
    <message>
        <source>Choose the column that holds the web addresses.</source>
        <translation>Kies de kolom met de webadressen.</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>Het bestand kan niet worden gelezen: {reason}</translation>
    </message>
    <message>
        <source>The file has no rows after the header.</source>
        <translation>Het bestand heeft geen rijen na de kopregel.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>organisations hold data you gave them</source>
        <translation>organisaties hebben gegevens die je ze gaf</translation>
    </message>
    <message>
        <source>disclosures of special-category data (health, beliefs, biometrics …)</source>
        <translation>verstrekkingen van bijzondere persoonsgegevens (gezondheid, overtuigingen, biometrie …)</translation>
    </message>
    <message>
        <source>unbalanced exchanges</source>
        <translation>uitwisselingen uit balans</translation>
    </message>
    <message>
        <source>coerced exchanges</source>
        <translation>afgedwongen uitwisselingen</translation>
    </message>
    <message>
        <source>Worst exchanges first</source>
        <translation>Slechtste uitwisselingen eerst</translation>
    </message>
    <message>
        <source>No exchange needs attention: every one is fair.</source>
        <translation>Geen enkele uitwisseling vraagt aandacht: ze zijn allemaal eerlijk.</translation>
    </message>
    <message>
        <source>Each point is an organisation: across, what the data you gave it is worth a month; up, what you get back a month (an unknown benefit counts as nothing). Below the lower line you get less than a third of what you give. Click a point to open the organisation.</source>
        <translation>Elk punt is een organisatie: horizontaal wat de gegevens die je gaf per maand waard zijn; verticaal wat je er per maand voor terugkrijgt (een onbekend voordeel telt als niets). Onder de onderste lijn krijg je minder dan een derde van wat je geeft. Klik op een punt om de organisatie te openen.</translation>
    </message>
    <message>
        <source>How many disclosures of each kind of data you made.</source>
        <translation>Hoe vaak je elk soort gegevens hebt verstrekt.</translation>
    </message>
    <message>
        <source>New disclosures per year, by the date you gave the data.</source>
        <translation>Nieuwe verstrekkingen per jaar, naar de datum waarop je de gegevens gaf.</translation>
    </message>
    <message>
        <source>Value given and got</source>
        <translation>Waarde gegeven en gekregen</translation>
    </message>
    <message>
        <source>Kinds of data given</source>
        <translation>Soorten verstrekte gegevens</translation>
    </message>
    <message>
        <source>Disclosures over time</source>
        <translation>Verstrekkingen door de tijd</translation>
    </message>
</context>
<context>
    <name>DisclosureDialog</name>
    <message>
        <source>Edit data given</source>
        <translation>Verstrekte gegevens bewerken</translation>
    </message>
    <message>
        <source>Add data given</source>
        <translation>Verstrekte gegevens toevoegen</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Niet vastgelegd</translation>
    </message>
    <message>
        <source>I gave it (typed in, uploaded, said)</source>
        <translation>Ik gaf het zelf (ingetypt, geüpload, gezegd)</translation>
    </message>
    <message>
        <source>Observed while I used the service</source>
        <translation>Waargenomen terwijl ik de dienst gebruikte</translation>
    </message>
    <message>
        <source>Derived from other data</source>
        <translation>Afgeleid uit andere gegevens</translation>
    </message>
    <message>
        <source>Inferred (guessed, profiled)</source>
        <translation>Afgeleid door inschatting (geraden, geprofileerd)</translation>
    </message>
    <message>
        <source>Obtained from a third party</source>
        <translation>Verkregen van een derde</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>toestemming</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>overeenkomst</translation>
    </message>
    <message>
        <source>legal obligation</source>
        <translation>wettelijke verplichting</translation>
    </message>
    <message>
        <source>legitimate interest</source>
        <translation>gerechtvaardigd belang</translation>
    </message>
    <message>
        <source>vital interest</source>
        <translation>vitaal belang</translation>
    </message>
    <message>
        <source>public task</source>
        <translation>taak van algemeen belang</translation>
    </message>
    <message>
        <source>e.g. the work address, not the home one</source>
        <translation>bijv. het werkadres, niet het huisadres</translation>
    </message>
    <message>
        <source>e.g. 2 years after the account closes</source>
        <translation>bijv. 2 jaar nadat het account is opgeheven</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Categorie:</translation>
    </message>
    <message>
        <source>De&amp;tail:</source>
        <translation>De&amp;tail:</translation>
    </message>
    <message>
        <source>&amp;Date given:</source>
        <translation>&amp;Datum verstrekt:</translation>
    </message>
    <message>
        <source>&amp;How collected:</source>
        <translation>&amp;Hoe verzameld:</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>Doe&amp;l:</translation>
    </message>
    <message>
        <source>&amp;Legal basis:</source>
        <translation>&amp;Grondslag:</translation>
    </message>
    <message>
        <source>They &amp;required it (a condition of the service)</source>
        <translation>Ze &amp;eisten het (een voorwaarde voor de dienst)</translation>
    </message>
    <message>
        <source>The service &amp;needs it</source>
        <translation>De dienst heeft het &amp;nodig</translation>
    </message>
    <message>
        <source>&amp;Shared with third parties</source>
        <translation>Ge&amp;deeld met derden</translation>
    </message>
    <message>
        <source>C&amp;ollected continuously</source>
        <translation>D&amp;oorlopend verzameld</translation>
    </message>
    <message>
        <source>&amp;Retention:</source>
        <translation>&amp;Bewaartermijn:</translation>
    </message>
    <message>
        <source>Consent &amp;withdrawn on:</source>
        <translation>Toestemming &amp;ingetrokken op:</translation>
    </message>
    <message>
        <source>(yes)</source>
        <translation>(ja)</translation>
    </message>
    <message>
        <source>(no)</source>
        <translation>(nee)</translation>
    </message>
    <message>
        <source>(don&apos;t know)</source>
        <translation>(weet ik niet)</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>Kies een categorie.</translation>
    </message>
</context>
<context>
    <name>EmptyLedgerPanel</name>
    <message>
        <source>Your ledger is empty</source>
        <translation>Je register is leeg</translation>
    </message>
    <message>
        <source>Find out who holds your data from a password manager&apos;s export, or add an organisation by hand. To look around first, load the example ledger: about 25 organisations of a fictional person, Jan de Vries. You can remove it again with one click.</source>
        <translation>Ontdek wie je gegevens heeft met de export van je wachtwoordbeheerder, of voeg zelf een organisatie toe. Wil je eerst rondkijken? Laad dan het voorbeeldregister: zo&apos;n 25 organisaties van een verzonnen persoon, Jan de Vries. Met één klik haal je het weer weg.</translation>
    </message>
    <message>
        <source>&amp;Import from a password manager…</source>
        <translation>&amp;Importeren uit een wachtwoordbeheerder…</translation>
    </message>
    <message>
        <source>Add an &amp;organisation…</source>
        <translation>Een &amp;organisatie toevoegen…</translation>
    </message>
    <message>
        <source>Load the &amp;example ledger</source>
        <translation>Het &amp;voorbeeldregister laden</translation>
    </message>
</context>
<context>
    <name>ExampleBanner</name>
    <message>
        <source>This ledger holds the example: the records of a fictional person, Jan de Vries. Removing it deletes only the example organisations, never ones you added yourself.</source>
        <translation>Dit register bevat het voorbeeld: de gegevens van een verzonnen persoon, Jan de Vries. Verwijderen wist alleen de voorbeeldorganisaties, nooit organisaties die je zelf hebt toegevoegd.</translation>
    </message>
    <message>
        <source>&amp;Remove the example ledger…</source>
        <translation>Voorbeeldregister &amp;verwijderen…</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <source>Quid ran into a problem</source>
        <translation>Quid liep tegen een probleem aan</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Foutrapport</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>Rapport &amp;kopiëren</translation>
    </message>
    <message>
        <source>Something went wrong that Quid did not expect. Your ledger is safe: changes that were saved stay saved. The report below holds no ledger data; you can copy it into a bug report.</source>
        <translation>Er ging iets mis wat Quid niet verwachtte. Je register is veilig: opgeslagen wijzigingen blijven bewaard. Het rapport hieronder bevat geen gegevens uit je register; je kunt het kopiëren naar een foutmelding.</translation>
    </message>
</context>
<context>
    <name>FigureCard</name>
    <message>
        <source>⚠ Needs attention</source>
        <translation>⚠ Vraagt aandacht</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up {app}</source>
        <translation>{app} instellen</translation>
    </message>
    <message>
        <source>Recovery key not saved</source>
        <translation>Herstelsleutel niet bewaard</translation>
    </message>
    <message>
        <source>Your vault is created, but the recovery key will not be shown again. Close without saving it?</source>
        <translation>Je kluis is aangemaakt, maar de herstelsleutel wordt niet nog eens getoond. Sluiten zonder hem te bewaren?</translation>
    </message>
</context>
<context>
    <name>HeldCategoriesDialog</name>
    <message>
        <source>What they hold</source>
        <translation>Wat ze hebben</translation>
    </message>
    <message>
        <source>Find a category…</source>
        <translation>Categorie zoeken…</translation>
    </message>
    <message>
        <source>Find a category</source>
        <translation>Categorie zoeken</translation>
    </message>
    <message>
        <source>Categories they say they hold</source>
        <translation>Categorieën die ze volgens eigen zeggen hebben</translation>
    </message>
    <message>
        <source>Tick the kinds of data their answer says they hold about you (leave it empty if the answer does not say).</source>
        <translation>Vink de soorten gegevens aan die ze volgens hun antwoord over je hebben (laat leeg als het antwoord dat niet zegt).</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import from a password export</source>
        <translation>Importeren uit een wachtwoordexport</translation>
    </message>
    <message>
        <source>{rows} logins read from {name} ({format}). Tick the organisations to add to your ledger: each gets its accounts, with the e-mail address or username you used recorded as data you gave them. Passwords and notes were not read into Quid.</source>
        <translation>{rows} logins gelezen uit {name} ({format}). Vink de organisaties aan die je aan je register wilt toevoegen: elk krijgt zijn accounts, met het e-mailadres of de gebruikersnaam die je gebruikte als verstrekte gegevens. Wachtwoorden en notities zijn niet in Quid ingelezen.</translation>
    </message>
    <message>
        <source>Filter by name, web address or account</source>
        <translation>Filteren op naam, webadres of account</translation>
    </message>
    <message>
        <source>Filter organisations</source>
        <translation>Organisaties filteren</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>&amp;Alles selecteren</translation>
    </message>
    <message>
        <source>Tick every organisation shown (Ctrl+A)</source>
        <translation>Elke getoonde organisatie aanvinken (Ctrl+A)</translation>
    </message>
    <message>
        <source>Select n&amp;one</source>
        <translation>&amp;Niets selecteren</translation>
    </message>
    <message>
        <source>Untick every organisation shown (Ctrl+Shift+A)</source>
        <translation>Elke getoonde organisatie uitvinken (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Organisations ({n})</source>
        <translation>Organisaties ({n})</translation>
    </message>
    <message>
        <source>Skipped ({n})</source>
        <translation>Overgeslagen ({n})</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Geselecteerd</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Review the import</source>
        <translation>Import nakijken</translation>
    </message>
    <message>
        <source>Organisations to add</source>
        <translation>Toe te voegen organisaties</translation>
    </message>
    <message>
        <source>Skipped rows</source>
        <translation>Overgeslagen rijen</translation>
    </message>
    <message>
        <source> ({n} already in your ledger)</source>
        <translation> ({n} al in je register)</translation>
    </message>
    <message>
        <source>{orgs}, {accounts} selected</source>
        <translation>{orgs}, {accounts} geselecteerd</translation>
    </message>
    <message>
        <source> · {shown} of {total} shown</source>
        <translation> · {shown} van {total} getoond</translation>
    </message>
    <message>
        <source>Add {what}</source>
        <translation>{what} toevoegen</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <source>Cancelling… nothing is kept.</source>
        <translation>Annuleren… er wordt niets bewaard.</translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <source>Welcome to {app}</source>
        <translation>Welkom bij {app}</translation>
    </message>
    <message>
        <source>Quid keeps a private ledger of the personal data you gave to organisations — which data, to whom, for what — and what you got in return.</source>
        <translation>Quid houdt een privéregister bij van de persoonsgegevens die je aan organisaties gaf — welke gegevens, aan wie, waarvoor — en wat je ervoor terugkreeg.</translation>
    </message>
    <message>
        <source>It shows where an exchange is out of balance and helps you use your rights under the GDPR: access, erasure, objection and more.</source>
        <translation>Het laat zien waar een uitwisseling uit balans is en helpt je je rechten onder de AVG te gebruiken: inzage, verwijdering, bezwaar en meer.</translation>
    </message>
    <message>
        <source>Nothing leaves this computer. Quid never connects to the internet, and the ledger is stored encrypted in one file.</source>
        <translation>Niets verlaat deze computer. Quid maakt nooit verbinding met internet, en het register wordt versleuteld in één bestand bewaard.</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>How should Quid protect your ledger?</source>
        <translation>Hoe moet Quid je register beschermen?</translation>
    </message>
    <message>
        <source>The ledger is encrypted with a random key. Choose where that key is kept.</source>
        <translation>Het register is versleuteld met een willekeurige sleutel. Kies waar die sleutel wordt bewaard.</translation>
    </message>
    <message>
        <source>&amp;Create vault</source>
        <translation>Kluis &amp;aanmaken</translation>
    </message>
    <message>
        <source>In the system &amp;keyring (unlocks when you log in)</source>
        <translation>In de &amp;sleutelbos van het systeem (ontgrendelt bij het inloggen)</translation>
    </message>
    <message>
        <source>Behind a &amp;passphrase I type each time</source>
        <translation>Achter een &amp;wachtwoordzin die ik elke keer typ</translation>
    </message>
    <message>
        <source>Creating the vault</source>
        <translation>Kluis aanmaken</translation>
    </message>
    <message>
        <source>Checking the system keyring…</source>
        <translation>Sleutelbos van het systeem controleren…</translation>
    </message>
    <message>
        <source>Not available: {reason} Use a passphrase instead.</source>
        <translation>Niet beschikbaar: {reason} Gebruik in plaats daarvan een wachtwoordzin.</translation>
    </message>
    <message>
        <source>Recommended. Your operating system keeps the key safe for you.</source>
        <translation>Aanbevolen. Je besturingssysteem bewaart de sleutel veilig voor je.</translation>
    </message>
    <message>
        <source>the check failed ({name}).</source>
        <translation>de controle mislukte ({name}).</translation>
    </message>
    <message>
        <source>Could not create it.</source>
        <translation>Aanmaken is niet gelukt.</translation>
    </message>
</context>
<context>
    <name>KeyStorageDialog</name>
    <message>
        <source>Key storage</source>
        <translation>Sleutelopslag</translation>
    </message>
    <message>
        <source>The key is now kept in the system keyring.</source>
        <translation>De sleutel wordt nu in de sleutelbos van het systeem bewaard.</translation>
    </message>
    <message>
        <source>The key is now protected by your passphrase.</source>
        <translation>De sleutel wordt nu door je wachtwoordzin beschermd.</translation>
    </message>
    <message>
        <source>You opened the vault with the recovery key. Choose how it opens from now on.</source>
        <translation>Je hebt de kluis met de herstelsleutel geopend. Kies hoe hij voortaan opengaat.</translation>
    </message>
    <message>
        <source>Keep the key in the system &amp;keyring</source>
        <translation>De sleutel in de &amp;sleutelbos van het systeem bewaren</translation>
    </message>
    <message>
        <source>Protect the key with a &amp;passphrase</source>
        <translation>De sleutel met een &amp;wachtwoordzin beschermen</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Huidige wachtwoordzin</translation>
    </message>
    <message>
        <source>Not available: {r}</source>
        <translation>Niet beschikbaar: {r}</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase:</source>
        <translation>&amp;Huidige wachtwoordzin:</translation>
    </message>
</context>
<context>
    <name>LedgerActions</name>
    <message>
        <source>data given</source>
        <translation>verstrekte gegevens</translation>
    </message>
    <message>
        <source>what you got</source>
        <translation>wat je kreeg</translation>
    </message>
    <message>
        <source>account</source>
        <translation>account</translation>
    </message>
    <message>
        <source>Add {what}</source>
        <translation>{what} toevoegen</translation>
    </message>
    <message>
        <source>Edit {what}</source>
        <translation>{what} bewerken</translation>
    </message>
    <message>
        <source>Delete {what}</source>
        <translation>{what} verwijderen</translation>
    </message>
</context>
<context>
    <name>LedgerShell</name>
    <message>
        <source>Sections</source>
        <extracomment>whether a worker uses the vault now (set by the window): GUI-thread writes wait</extracomment>
        <translation>Onderdelen</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisaties</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Verzoeken</translation>
    </message>
    <message>
        <source>Export due dates</source>
        <translation>Termijnen exporteren</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Agenda (*.ics)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Niet geëxporteerd</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Geëxporteerd</translation>
    </message>
    <message>
        <source>{n} due dates written to {name}. The file is not encrypted.</source>
        <translation>{n} termijnen geschreven naar {name}. Het bestand is niet versleuteld.</translation>
    </message>
    <message>
        <source>Requests: {overdue} overdue, {soon} due within a week.</source>
        <translation>Verzoeken: {overdue} te laat, {soon} binnen een week verlopen.</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>Write a letter</source>
        <translation>Een brief schrijven</translation>
    </message>
    <message>
        <source>Kind of request</source>
        <translation>Soort verzoek</translation>
    </message>
    <message>
        <source>Language of the letter</source>
        <translation>Taal van de brief</translation>
    </message>
    <message>
        <source>The letter; you may edit it</source>
        <translation>De brief; je mag hem aanpassen</translation>
    </message>
    <message>
        <source>Fill in your &amp;details…</source>
        <translation>Vul je &amp;gegevens in…</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>&amp;Verzoek:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Opslaan als &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>Tekst &amp;kopiëren</translation>
    </message>
    <message>
        <source>Open in &amp;email program</source>
        <translation>Openen in &amp;e-mailprogramma</translation>
    </message>
    <message>
        <source>Save .&amp;eml…</source>
        <translation>.eml o&amp;pslaan…</translation>
    </message>
    <message>
        <source>This organisation takes requests through a web form: copy the text and paste it there — {url}</source>
        <translation>Deze organisatie neemt verzoeken aan via een webformulier: kopieer de tekst en plak hem daar — {url}</translation>
    </message>
    <message>
        <source>{how}. Recorded as draft request {id}: mark it as sent on the Requests page when it has gone; Quid then keeps the one-month deadline.</source>
        <translation>{how}. Vastgelegd als conceptverzoek {id}: markeer het als verzonden op de pagina Verzoeken zodra het weg is; Quid bewaakt dan de termijn van een maand.</translation>
    </message>
    <message>
        <source>Save the letter</source>
        <translation>De brief opslaan</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as PDF (not encrypted)</source>
        <translation>Opgeslagen als PDF (niet versleuteld)</translation>
    </message>
    <message>
        <source>Copied — cleared from the clipboard in 30 s</source>
        <translation>Gekopieerd — over 30 s van het klembord gewist</translation>
    </message>
    <message>
        <source>This organisation has no privacy email address. Add it, or send the PDF by post.</source>
        <translation>Deze organisatie heeft geen e-mailadres voor privacyzaken. Voeg het toe, of stuur de PDF per post.</translation>
    </message>
    <message>
        <source>Opened in your email program</source>
        <translation>Geopend in je e-mailprogramma</translation>
    </message>
    <message>
        <source> — the letter was too long for that, so copy it or save the .eml</source>
        <translation> — de brief was daarvoor te lang, dus kopieer hem of sla de .eml op</translation>
    </message>
    <message>
        <source>Save as email</source>
        <translation>Opslaan als e-mail</translation>
    </message>
    <message>
        <source>Email (*.eml)</source>
        <translation>E-mail (*.eml)</translation>
    </message>
    <message>
        <source>Saved as .eml (not encrypted)</source>
        <translation>Opgeslagen als .eml (niet versleuteld)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Locked</source>
        <translation>Vergrendeld</translation>
    </message>
    <message>
        <source>The key was put back in the system keyring.</source>
        <translation>De sleutel is teruggezet in de sleutelbos van het systeem.</translation>
    </message>
    <message>
        <source>key in the system keyring</source>
        <translation>sleutel in de sleutelbos van het systeem</translation>
    </message>
    <message>
        <source>key protected by a passphrase</source>
        <translation>sleutel beschermd door een wachtwoordzin</translation>
    </message>
    <message>
        <source>opened with the recovery key</source>
        <translation>geopend met de herstelsleutel</translation>
    </message>
    <message>
        <source>Unlocked — {where}</source>
        <translation>Ontgrendeld — {where}</translation>
    </message>
    <message>
        <source>This vault needs a newer Quid</source>
        <translation>Deze kluis heeft een nieuwere Quid nodig</translation>
    </message>
    <message>
        <source>The vault is already open</source>
        <translation>De kluis is al geopend</translation>
    </message>
    <message>
        <source>The vault cannot be opened</source>
        <translation>De kluis kan niet worden geopend</translation>
    </message>
    <message>
        <source>Not opened</source>
        <translation>Niet geopend</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Kies een reservekopie</translation>
    </message>
    <message>
        <source>Quid vault (*.db)</source>
        <translation>Quid-kluis (*.db)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Your passphrase, to check the backup:</source>
        <translation>Je wachtwoordzin, om de reservekopie te controleren:</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Niet teruggezet</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Reservekopie teruggezet</translation>
    </message>
    <message>
        <source>The backup is back in place. The damaged file was kept as {name}.</source>
        <translation>De reservekopie is teruggezet. Het beschadigde bestand is bewaard als {name}.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <source>Profile saved.</source>
        <translation>Profiel opgeslagen.</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>Wachtwoordzin gewijzigd.</translation>
    </message>
    <message>
        <source>Key storage changed.</source>
        <translation>Sleutelopslag gewijzigd.</translation>
    </message>
</context>
<context>
    <name>OrganisationDetail</name>
    <message>
        <source>What you gave</source>
        <translation>Wat je gaf</translation>
    </message>
    <message>
        <source>What you got</source>
        <translation>Wat je ervoor kreeg</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Choose an organisation to see what it holds.</source>
        <translation>Kies een organisatie om te zien wat die van je heeft.</translation>
    </message>
    <message>
        <source>&amp;Edit organisation…</source>
        <translation>Organisatie &amp;bewerken…</translation>
    </message>
    <message>
        <source>Delete organisation</source>
        <translation>Organisatie verwijderen</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>&amp;Samenvoegen met…</translation>
    </message>
    <message>
        <source>&amp;Write a letter…</source>
        <translation>Brief &amp;schrijven…</translation>
    </message>
    <message>
        <source>A GDPR request: access, erasure, objection …</source>
        <translation>Een AVG-verzoek: inzage, verwijdering, bezwaar …</translation>
    </message>
    <message>
        <source>The same organisation twice? Move everything of this one into another.</source>
        <translation>Twee keer dezelfde organisatie? Verplaats alles van deze naar een andere.</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balans</translation>
    </message>
    <message>
        <source>Why, and what you can do</source>
        <translation>Waarom, en wat je kunt doen</translation>
    </message>
    <message>
        <source>Balance: {band} (score {score})</source>
        <translation>Balans: {band} (score {score})</translation>
    </message>
    <message>
        <source>You gave data worth {given} a month; you got {got} a month.</source>
        <translation>Je gaf gegevens ter waarde van {given} per maand; je kreeg {got} per maand.</translation>
    </message>
    <message>
        <source>an unknown value</source>
        <translation>een onbekende waarde</translation>
    </message>
    <message>
        <source>• {reason}
   What you can do: {action}</source>
        <translation>• {reason}
   Wat je kunt doen: {action}</translation>
    </message>
    <message>
        <source>Nothing stands out.</source>
        <translation>Niets valt op.</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domeinen</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>Ook bekend als</translation>
    </message>
    <message>
        <source>Privacy contact</source>
        <translation>Contact voor privacy</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>Webformulier</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>From Quid&apos;s directory ({quality}). Sources: {sources}</source>
        <translation>Uit de gids van Quid ({quality}). Bronnen: {sources}</translation>
    </message>
    <message>
        <source>Added by you.</source>
        <translation>Door jou toegevoegd.</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>Edit organisation</source>
        <translation>Organisatie bewerken</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Nieuwe organisatie</translation>
    </message>
    <message>
        <source>example.com, example.nl</source>
        <translation>voorbeeld.nl, example.com</translation>
    </message>
    <message>
        <source>Domains, separated by commas or lines</source>
        <translation>Domeinen, gescheiden door komma’s of regels</translation>
    </message>
    <message>
        <source>NL, BE, DE …</source>
        <translation>NL, BE, DE …</translation>
    </message>
    <message>
        <source>Country, two-letter code</source>
        <translation>Land, code van twee letters</translation>
    </message>
    <message>
        <source>privacy@example.com</source>
        <translation>privacy@voorbeeld.nl</translation>
    </message>
    <message>
        <source>Directory information</source>
        <translation>Gegevens uit de gids</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>&amp;Domains:</source>
        <translation>&amp;Domeinen:</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>Privacy &amp;email:</source>
        <translation>&amp;E-mail voor privacy:</translation>
    </message>
    <message>
        <source>Postal &amp;address:</source>
        <translation>Post&amp;adres:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefoon:</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>&amp;Website:</translation>
    </message>
    <message>
        <source>Privacy web &amp;form:</source>
        <translation>Web&amp;formulier voor privacy:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otities:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>From the directory (quality: {quality}). Contact details go out of date: correct them here if you know better.</source>
        <translation>Uit de gids (kwaliteit: {quality}). Contactgegevens verouderen: verbeter ze hier als je het beter weet.</translation>
    </message>
    <message>
        <source>Sources: {sources}</source>
        <translation>Bronnen: {sources}</translation>
    </message>
</context>
<context>
    <name>OrganisationsModel</name>
    <message>
        <source>1 · low</source>
        <translation>1 · laag</translation>
    </message>
    <message>
        <source>2 · behaviour</source>
        <translation>2 · gedrag</translation>
    </message>
    <message>
        <source>3 · financial/ID</source>
        <translation>3 · financieel/ID</translation>
    </message>
    <message>
        <source>4 · special</source>
        <translation>4 · bijzonder</translation>
    </message>
    <message>
        <source>Organisation</source>
        <extracomment>account status → its words (translated with formatting.term)</extracomment>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorieën</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Gevoeligheid</translation>
    </message>
    <message>
        <source>Got / month</source>
        <translation>Gekregen / maand</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balans</translation>
    </message>
    <message>
        <source>How many kinds of personal data you gave them</source>
        <translation>Hoeveel soorten persoonsgegevens je ze gaf</translation>
    </message>
    <message>
        <source>The most sensitive data they hold (4: special categories, GDPR Art. 9)</source>
        <translation>De gevoeligste gegevens die ze hebben (4: bijzondere categorieën, AVG art. 9)</translation>
    </message>
    <message>
        <source>What you got from them, per month</source>
        <translation>Wat je van ze kreeg, per maand</translation>
    </message>
    <message>
        <source>Your account with them</source>
        <translation>Je account bij hen</translation>
    </message>
    <message>
        <source>Fair, questionable, unbalanced or coerced — see the detail for why</source>
        <translation>Eerlijk, twijfelachtig, uit balans of afgedwongen — zie de details voor het waarom</translation>
    </message>
</context>
<context>
    <name>OrganisationsView</name>
    <message>
        <source>Any sensitivity</source>
        <translation>Elke gevoeligheid</translation>
    </message>
    <message>
        <source>2 and higher</source>
        <translation>2 en hoger</translation>
    </message>
    <message>
        <source>3 and higher</source>
        <translation>3 en hoger</translation>
    </message>
    <message>
        <source>4 · special categories</source>
        <translation>4 · bijzondere categorieën</translation>
    </message>
    <message>
        <source>Filter by name or domain…</source>
        <translation>Filteren op naam of domein…</translation>
    </message>
    <message>
        <source>Filter organisations</source>
        <translation>Organisaties filteren</translation>
    </message>
    <message>
        <source>Filter by category</source>
        <translation>Filteren op categorie</translation>
    </message>
    <message>
        <source>Filter by sensitivity</source>
        <translation>Filteren op gevoeligheid</translation>
    </message>
    <message>
        <source>Filter by account status</source>
        <translation>Filteren op accountstatus</translation>
    </message>
    <message>
        <source>Any account</source>
        <translation>Elk account</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>Geen account</translation>
    </message>
    <message>
        <source>Filter by balance</source>
        <translation>Filteren op balans</translation>
    </message>
    <message>
        <source>Any balance</source>
        <translation>Elke balans</translation>
    </message>
    <message>
        <source>&amp;Add organisation…</source>
        <translation>Organisatie &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisaties</translation>
    </message>
    <message>
        <source>questionable</source>
        <translation>twijfelachtig</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Elke categorie</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <source>Deleted. Undo with Ctrl+Z.</source>
        <translation>Verwijderd. Ongedaan maken met Ctrl+Z.</translation>
    </message>
    <message>
        <source>Move everything of “{name}” into:</source>
        <translation>Alles van “{name}” verplaatsen naar:</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Samenvoegen</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>the system keyring</source>
        <translation>de sleutelbos van het systeem</translation>
    </message>
    <message>
        <source>your passphrase</source>
        <translation>je wachtwoordzin</translation>
    </message>
    <message>
        <source>nothing yet — choose File ▸ Key storage</source>
        <translation>nog niets — kies Bestand ▸ Sleutelopslag</translation>
    </message>
    <message>
        <source>Your ledger is open: {count} organisations. It is stored encrypted in {path}; its key is kept by {where}. Nothing leaves this computer.</source>
        <translation>Je register is geopend: {count} organisaties. Het staat versleuteld in {path}; de sleutel wordt bewaard door {where}. Niets verlaat deze computer.</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>Too short: at least {n} characters.</source>
        <translation>Te kort: minstens {n} tekens.</translation>
    </message>
    <message>
        <source>Weak: add more words or characters.</source>
        <translation>Zwak: voeg meer woorden of tekens toe.</translation>
    </message>
    <message>
        <source>Fair: a longer passphrase would be safer.</source>
        <translation>Redelijk: een langere wachtwoordzin is veiliger.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Sterk.</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nieuwe wachtwoordzin</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Herhaal de wachtwoordzin</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Sterkte van de wachtwoordzin</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Wachtwoordzin:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Herhalen:</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>De twee wachtwoordzinnen verschillen.</translation>
    </message>
</context>
<context>
    <name>PasswordImport</name>
    <message>
        <source>Nothing was changed.</source>
        <translation>Er is niets veranderd.</translation>
    </message>
    <message>
        <source>CSV, columns chosen by you</source>
        <translation>CSV, kolommen door jou gekozen</translation>
    </message>
    <message>
        <source>Reading the export</source>
        <translation>Export lezen</translation>
    </message>
    <message>
        <source>Reading {name}… Passwords are skipped as it is read.</source>
        <translation>{name} lezen… Wachtwoorden worden tijdens het lezen overgeslagen.</translation>
    </message>
    <message>
        <source>No logins with a web address were found in {name} ({skipped} rows skipped). Nothing was changed.</source>
        <translation>Er zijn geen logins met een webadres gevonden in {name} ({skipped} rijen overgeslagen). Er is niets veranderd.</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>Niets te importeren</translation>
    </message>
    <message>
        <source>Adding to your ledger</source>
        <translation>Toevoegen aan je register</translation>
    </message>
    <message>
        <source>Adding {what} and their accounts to your ledger…</source>
        <translation>{what} en hun accounts aan je register toevoegen…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Importeren geannuleerd; er is niets veranderd.</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Importeren voltooid</translation>
    </message>
    <message>
        <source>The export file {path} holds all your passwords in plain text: anyone who can read your files can read them. Quid has what it needs; delete the file unless you still need it for something else.</source>
        <translation>Het exportbestand {path} bevat al je wachtwoorden als leesbare tekst: iedereen die je bestanden kan lezen, kan ze lezen. Quid heeft wat het nodig heeft; verwijder het bestand, tenzij je het nog ergens anders voor nodig hebt.</translation>
    </message>
    <message>
        <source>&amp;Delete the export file</source>
        <translation>Exportbestand &amp;verwijderen</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Bewaren</translation>
    </message>
    <message>
        <source>The export file was already gone.</source>
        <translation>Het exportbestand was al weg.</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Niet verwijderd</translation>
    </message>
    <message>
        <source>{path} could not be deleted: {reason}. Please delete it yourself.</source>
        <translation>{path} kon niet worden verwijderd: {reason}. Verwijder het zelf.</translation>
    </message>
    <message>
        <source>The export file was deleted.</source>
        <translation>Het exportbestand is verwijderd.</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}. Nothing was changed.</source>
        <translation>{name} kan niet worden gelezen: {reason}. Er is niets veranderd.</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Niet geïmporteerd</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Voorkeuren</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nooit</translation>
    </message>
    <message>
        <source>Lock after inactivity, in minutes</source>
        <translation>Vergrendelen na inactiviteit, in minuten</translation>
    </message>
    <message>
        <source>&amp;Lock after inactivity:</source>
        <translation>&amp;Vergrendelen na inactiviteit:</translation>
    </message>
    <message>
        <source>Language of Quid</source>
        <translation>Taal van Quid</translation>
    </message>
    <message>
        <source>Automatic (as the system)</source>
        <translation>Automatisch (zoals het systeem)</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>A new language applies when Quid next starts.</source>
        <translation>Een andere taal geldt vanaf de volgende keer dat Quid start.</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>Automatische reservekopieën</translation>
    </message>
    <message>
        <source>When you unlock Quid and the newest automatic backup is older than this, Quid makes one, protected by this vault&apos;s key, and removes its own oldest automatic backups beyond the number to keep. Nothing else is removed.</source>
        <translation>Als je Quid ontgrendelt en de nieuwste automatische reservekopie ouder is dan dit, maakt Quid er een, beschermd met de sleutel van deze kluis, en verwijdert het zijn eigen oudste automatische reservekopieën boven het aantal dat bewaard moet blijven. Verder wordt niets verwijderd.</translation>
    </message>
    <message>
        <source>Locking closes the ledger and every window showing it.</source>
        <translation>Vergrendelen sluit het register en elk venster dat het toont.</translation>
    </message>
</context>
<context>
    <name>ProblemView</name>
    <message>
        <source>Show the &amp;data folder</source>
        <translation>&amp;Gegevensmap tonen</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Opnieuw proberen</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Reservekopie terugzetten…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;fsluiten</translation>
    </message>
    <message>
        <source>Vault file: {path}</source>
        <translation>Kluisbestand: {path}</translation>
    </message>
    <message>
        <source>Backups Quid made before upgrades are in {folder} (newest: {name}).</source>
        <translation>Reservekopieën die Quid vóór upgrades maakte, staan in {folder} (nieuwste: {name}).</translation>
    </message>
    <message>
        <source>No automatic backups were found.</source>
        <translation>Er zijn geen automatische reservekopieën gevonden.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Your details</source>
        <translation>Je gegevens</translation>
    </message>
    <message>
        <source>Email addresses, one per line</source>
        <translation>E-mailadressen, één per regel</translation>
    </message>
    <message>
        <source>NL, BE, DE …</source>
        <translation>NL, BE, DE …</translation>
    </message>
    <message>
        <source>Country, two-letter code</source>
        <translation>Land, code van twee letters</translation>
    </message>
    <message>
        <source>Kept only in your encrypted ledger; used to fill in your letters.</source>
        <translation>Alleen bewaard in je versleutelde register; gebruikt om je brieven in te vullen.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>Postal &amp;address:</source>
        <translation>Post&amp;adres:</translation>
    </message>
    <message>
        <source>&amp;Email addresses:</source>
        <translation>&amp;E-mailadressen:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefoon:</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;Land:</translation>
    </message>
</context>
<context>
    <name>ProposalModel</name>
    <message>
        <source>Organisation / account</source>
        <translation>Organisatie / account</translation>
    </message>
    <message>
        <source>Found as</source>
        <translation>Gevonden als</translation>
    </message>
    <message>
        <source>Web addresses</source>
        <translation>Webadressen</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>First used</source>
        <translation>Eerst gebruikt</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>already in your ledger</source>
        <translation>al in je register</translation>
    </message>
    <message>
        <source>from the directory</source>
        <translation>uit de gids</translation>
    </message>
    <message>
        <source>from the directory (by name)</source>
        <translation>uit de gids (op naam)</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nieuw</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>niets nieuws</translation>
    </message>
    <message>
        <source>1 new account</source>
        <translation>1 nieuw account</translation>
    </message>
    <message>
        <source>{n} new accounts</source>
        <translation>{n} nieuwe accounts</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>e-mailadres</translation>
    </message>
    <message>
        <source>username</source>
        <translation>gebruikersnaam</translation>
    </message>
    <message>
        <source>already recorded</source>
        <translation>al vastgelegd</translation>
    </message>
    <message>
        <source>Already in your ledger with these accounts; there is nothing to add.</source>
        <translation>Al in je register met deze accounts; er is niets toe te voegen.</translation>
    </message>
    <message>
        <source>Already in your ledger: only the new accounts are added to it.</source>
        <translation>Al in je register: alleen de nieuwe accounts worden toegevoegd.</translation>
    </message>
    <message>
        <source>Copied from the directory with its privacy contact; {n} logins.</source>
        <translation>Overgenomen uit de gids met het contact voor privacy; {n} logins.</translation>
    </message>
    <message>
        <source>Added as a new organisation; {n} logins.</source>
        <translation>Toegevoegd als nieuwe organisatie; {n} logins.</translation>
    </message>
</context>
<context>
    <name>ProtectionDialog</name>
    <message>
        <source>Protect the backup</source>
        <translation>De reservekopie beschermen</translation>
    </message>
    <message>
        <source>This vault&apos;s &amp;key</source>
        <translation>De &amp;sleutel van deze kluis</translation>
    </message>
    <message>
        <source>A &amp;passphrase of its own</source>
        <translation>Een eigen &amp;wachtwoordzin</translation>
    </message>
    <message>
        <source>Protect with:</source>
        <translation>Beschermen met:</translation>
    </message>
    <message>
        <source>Opens with this vault; on another computer, with its recovery key. Nothing to type.</source>
        <translation>Gaat open met deze kluis; op een andere computer met de herstelsleutel. Niets te typen.</translation>
    </message>
    <message>
        <source>Opens anywhere with the passphrase alone. Choose a strong one: the file may leave this computer.</source>
        <translation>Gaat overal open met alleen de wachtwoordzin. Kies een sterke: het bestand kan deze computer verlaten.</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hoe</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Grondslag</translation>
    </message>
    <message>
        <source>Required by them</source>
        <translation>Door hen geëist</translation>
    </message>
    <message>
        <source>Needed for the service</source>
        <translation>Nodig voor de dienst</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Gedeeld</translation>
    </message>
    <message>
        <source>Continuous</source>
        <translation>Doorlopend</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Bewaartermijn</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Toestemming ingetrokken</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>Per</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Vanaf</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identificatie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>First used</source>
        <translation>Eerst gebruikt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Laatst gebruikt</translation>
    </message>
</context>
<context>
    <name>RecordsSection</name>
    <message>
        <source>Add…</source>
        <translation>Toevoegen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyBox</name>
    <message>
        <source>Recovery key</source>
        <translation>Herstelsleutel</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiëren</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Af&amp;drukken…</translation>
    </message>
    <message>
        <source>Copied — cleared in 30 s</source>
        <translation>Gekopieerd — over 30 s gewist</translation>
    </message>
    <message>
        <source>Quid recovery key

{code}

This key opens your Quid vault if the system keyring or your passphrase is lost. Keep it somewhere safe and private, away from this computer.</source>
        <translation>Herstelsleutel voor Quid

{code}

Deze sleutel opent je Quid-kluis als de sleutelbos van het systeem of je wachtwoordzin verloren is. Bewaar hem op een veilige, privé plek, niet bij deze computer.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Your recovery key</source>
        <translation>Je herstelsleutel</translation>
    </message>
    <message>
        <source>If the keyring entry or your passphrase is ever lost, this key is the only way back into your ledger. It is shown only now.</source>
        <translation>Als de sleutel in de sleutelbos of je wachtwoordzin ooit verloren gaat, is deze sleutel de enige weg terug naar je register. Hij wordt alleen nu getoond.</translation>
    </message>
    <message>
        <source>I have &amp;saved my recovery key somewhere safe</source>
        <translation>Ik heb mijn herstelsleutel op een veilige plek &amp;bewaard</translation>
    </message>
    <message>
        <source>Start with an &amp;example ledger to look around (about 25 organisations)</source>
        <translation>Begin met een &amp;voorbeeldregister om rond te kijken (zo’n 25 organisaties)</translation>
    </message>
    <message>
        <source>Print it, or write it down, and keep it away from this computer. Anyone with this key and the vault file can read your ledger.</source>
        <translation>Druk hem af of schrijf hem op, en bewaar hem niet bij deze computer. Iedereen met deze sleutel en het kluisbestand kan je register lezen.</translation>
    </message>
</context>
<context>
    <name>RequestsView</name>
    <message>
        <source>Show requests</source>
        <translation>Verzoeken tonen</translation>
    </message>
    <message>
        <source>All requests</source>
        <translation>Alle verzoeken</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Te laat</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Concepten</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Afgerond</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Verzoeken</translation>
    </message>
    <message>
        <source>The letter</source>
        <translation>De brief</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Bijlagen</translation>
    </message>
    <message>
        <source>Mark as &amp;sent…</source>
        <translation>Markeren als &amp;verzonden…</translation>
    </message>
    <message>
        <source>A&amp;cknowledged</source>
        <translation>&amp;Ontvangst bevestigd</translation>
    </message>
    <message>
        <source>E&amp;xtended…</source>
        <translation>Ver&amp;lengd…</translation>
    </message>
    <message>
        <source>Record &amp;reply…</source>
        <translation>&amp;Antwoord vastleggen…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>Af&amp;sluiten</translation>
    </message>
    <message>
        <source>Save &amp;attachment…</source>
        <translation>&amp;Bijlage opslaan…</translation>
    </message>
    <message>
        <source>Re&amp;minder…</source>
        <translation>&amp;Herinnering…</translation>
    </message>
    <message>
        <source>Com&amp;plain…</source>
        <translation>&amp;Klacht…</translation>
    </message>
    <message>
        <source>E&amp;vidence bundle…</source>
        <translation>Bewijs&amp;dossier…</translation>
    </message>
    <message>
        <source>Close the request: you expect nothing more from it.</source>
        <translation>Sluit het verzoek: je verwacht er niets meer van.</translation>
    </message>
    <message>
        <source>Attachments (kept encrypted in your vault)</source>
        <translation>Bijlagen (versleuteld bewaard in je kluis)</translation>
    </message>
    <message>
        <source>Choose a request to see its letter and timeline.</source>
        <translation>Kies een verzoek om de brief en de tijdlijn te zien.</translation>
    </message>
    <message>
        <source>{name} ({size} bytes)</source>
        <translation>{name} ({size} bytes)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>Verlengd</translation>
    </message>
    <message>
        <source>The reason they gave for needing more time:</source>
        <translation>De reden die ze gaven waarom ze meer tijd nodig hebben:</translation>
    </message>
    <message>
        <source>Their reply</source>
        <translation>Hun antwoord</translation>
    </message>
    <message>
        <source>What did they answer? (a short summary)</source>
        <translation>Wat antwoordden ze? (een korte samenvatting)</translation>
    </message>
    <message>
        <source>Attach their reply (optional)</source>
        <translation>Hun antwoord bijvoegen (optioneel)</translation>
    </message>
    <message>
        <source>Save the evidence bundle</source>
        <translation>Bewijsdossier opslaan</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Opgeslagen</translation>
    </message>
    <message>
        <source>The evidence bundle is saved in {name}. It is not encrypted.</source>
        <translation>Het bewijsdossier is opgeslagen in {name}. Het is niet versleuteld.</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Bijlage opslaan</translation>
    </message>
</context>
<context>
    <name>SentDialog</name>
    <message>
        <source>Mark as sent</source>
        <translation>Markeren als verzonden</translation>
    </message>
    <message>
        <source>Date sent</source>
        <translation>Verzenddatum</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Verzonden per</translation>
    </message>
    <message>
        <source>&amp;Sent on (YYYY-MM-DD):</source>
        <translation>&amp;Verzonden op (JJJJ-MM-DD):</translation>
    </message>
    <message>
        <source>Sent &amp;by:</source>
        <translation>Verzonden &amp;per:</translation>
    </message>
</context>
<context>
    <name>SkippedModel</name>
    <message>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Why it was skipped</source>
        <translation>Waarom overgeslagen</translation>
    </message>
</context>
<context>
    <name>TierDialog</name>
    <message>
        <source>Edit tier</source>
        <translation>Niveau bewerken</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>Niveau toevoegen</translation>
    </message>
    <message>
        <source>e.g. Basic, Loyalty card, Personalised</source>
        <translation>bijv. Basis, Klantenkaart, Gepersonaliseerd</translation>
    </message>
    <message>
        <source>e.g. 8.00 — empty if unknown</source>
        <translation>bijv. 8,00 — leeg als onbekend</translation>
    </message>
    <message>
        <source>Value it brings, in euros</source>
        <translation>Wat het oplevert, in euro</translation>
    </message>
    <message>
        <source>A&amp;dd category</source>
        <translation>Categorie toe&amp;voegen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>Remove the selected category</source>
        <translation>De gekozen categorie verwijderen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>&amp;Omschrijving:</translation>
    </message>
    <message>
        <source>&amp;Value it brings (€):</source>
        <translation>&amp;Wat het oplevert (€):</translation>
    </message>
    <message>
        <source>&amp;Per:</source>
        <translation>&amp;Per:</translation>
    </message>
    <message>
        <source>&amp;Find data:</source>
        <translation>Gegevens &amp;zoeken:</translation>
    </message>
    <message>
        <source>Data it &amp;asks:</source>
        <translation>&amp;Gevraagde gegevens:</translation>
    </message>
    <message>
        <source>This is the tier I &amp;chose</source>
        <translation>Dit is het niveau dat ik &amp;koos</translation>
    </message>
    <message>
        <source>Pick a category first.</source>
        <translation>Kies eerst een categorie.</translation>
    </message>
</context>
<context>
    <name>TiersModel</name>
    <message>
        <source>{key} (unknown)</source>
        <translation>{key} (onbekend)</translation>
    </message>
    <message>
        <source> (special)</source>
        <translation> (bijzonder)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>least data</source>
        <translation>minste gegevens</translation>
    </message>
    <message>
        <source>{data} data, {got} value:
{verdict}</source>
        <translation>{data} gegevens, {got} waarde:
{verdict}</translation>
    </message>
    <message>
        <source>✓ chosen</source>
        <translation>✓ gekozen</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>eerlijk</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>niets</translation>
    </message>
    <message>
        <source>Compared with {tier}</source>
        <translation>Vergeleken met {tier}</translation>
    </message>
</context>
<context>
    <name>TiersSection</name>
    <message>
        <source>Tiers they offer</source>
        <translation>Niveaus die ze aanbieden</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Toevoegen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Choose this tier</source>
        <translation>Dit niveau kiezen</translation>
    </message>
    <message>
        <source>Advice on the tiers</source>
        <translation>Advies over de niveaus</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>Niveaus</translation>
    </message>
    <message>
        <source>Undo delete of “{name}”</source>
        <translation>Verwijderen van “{name}” ongedaan maken</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>Quid is locked</source>
        <translation>Quid is vergrendeld</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Herstelsleutel</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Ontgrendelen</translation>
    </message>
    <message>
        <source>Use &amp;recovery key instead</source>
        <translation>&amp;Herstelsleutel gebruiken</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <source>Enter your passphrase to open your ledger.</source>
        <translation>Voer je wachtwoordzin in om je register te openen.</translation>
    </message>
    <message>
        <source>The key is kept in your system keyring. Press Unlock to open the ledger.</source>
        <translation>De sleutel wordt in de sleutelbos van je systeem bewaard. Klik op Ontgrendelen om het register te openen.</translation>
    </message>
    <message>
        <source>Type the recovery key you saved when you set up Quid (14 groups of four letters and digits).</source>
        <translation>Typ de herstelsleutel die je bewaarde toen je Quid instelde (14 groepjes van vier letters en cijfers).</translation>
    </message>
    <message>
        <source>&amp;Open with recovery key</source>
        <translation>&amp;Openen met herstelsleutel</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Terug</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Voer je wachtwoordzin in.</translation>
    </message>
</context>
<context>
    <name>ValidatingDialog</name>
    <message>
        <source>{field} {problem}</source>
        <translation>{field} {problem}</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>Value given and got per organisation</source>
        <translation>Waarde gegeven en gekregen per organisatie</translation>
    </message>
    <message>
        <source>Value of data given (€ per month)</source>
        <translation>Waarde van verstrekte gegevens (€ per maand)</translation>
    </message>
    <message>
        <source>Value got (€ per month)</source>
        <translation>Waarde gekregen (€ per maand)</translation>
    </message>
    <message>
        <source>{band} zone</source>
        <translation>zone {band}</translation>
    </message>
    <message>
        <source>↑ On the top edge, above the scale: {names}</source>
        <translation>↑ Op de bovenrand, boven de schaal: {names}</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
    <message>
        <source>Disclosures</source>
        <translation>Verstrekkingen</translation>
    </message>
    <message>
        <source>Disclosures per kind of data</source>
        <translation>Verstrekkingen per soort gegevens</translation>
    </message>
    <message>
        <source>New disclosures</source>
        <translation>Nieuwe verstrekkingen</translation>
    </message>
    <message>
        <source>New disclosures per year</source>
        <translation>Nieuwe verstrekkingen per jaar</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>--request</source>
        <extracomment>The field names a ValidationError names (`exc.field`, the core&apos;s English identifiers), so lupdate extracts them into the &quot;fields&quot; context that `word(name, FIELDS)` is translated in.</extracomment>
        <translation>verzoek</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adres</translation>
    </message>
    <message>
        <source>alias</source>
        <translation>alias</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>bijlage</translation>
    </message>
    <message>
        <source>attachment name</source>
        <translation>naam van de bijlage</translation>
    </message>
    <message>
        <source>authority</source>
        <translation>toezichthouder</translation>
    </message>
    <message>
        <source>body</source>
        <translation>tekst</translation>
    </message>
    <message>
        <source>categories</source>
        <translation>categorieën</translation>
    </message>
    <message>
        <source>category</source>
        <translation>categorie</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>kanaal</translation>
    </message>
    <message>
        <source>consent withdrawn on</source>
        <translation>toestemming ingetrokken op</translation>
    </message>
    <message>
        <source>corrections</source>
        <translation>correcties</translation>
    </message>
    <message>
        <source>country</source>
        <translation>land</translation>
    </message>
    <message>
        <source>date</source>
        <translation>datum</translation>
    </message>
    <message>
        <source>description</source>
        <translation>omschrijving</translation>
    </message>
    <message>
        <source>detail</source>
        <translation>detail</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>domein</translation>
    </message>
    <message>
        <source>earlier</source>
        <translation>eerder verzoek</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>extension_reason</source>
        <translation>reden van verlenging</translation>
    </message>
    <message>
        <source>filename</source>
        <translation>bestandsnaam</translation>
    </message>
    <message>
        <source>first used</source>
        <translation>eerst gebruikt</translation>
    </message>
    <message>
        <source>from</source>
        <translation>vanaf</translation>
    </message>
    <message>
        <source>grounds</source>
        <translation>gronden</translation>
    </message>
    <message>
        <source>how</source>
        <translation>hoe verzameld</translation>
    </message>
    <message>
        <source>identifier</source>
        <translation>identificatie</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>soort</translation>
    </message>
    <message>
        <source>language</source>
        <translation>taal</translation>
    </message>
    <message>
        <source>last used</source>
        <translation>laatst gebruikt</translation>
    </message>
    <message>
        <source>ledger</source>
        <translation>register</translation>
    </message>
    <message>
        <source>legal basis</source>
        <translation>grondslag</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>samenvoegen</translation>
    </message>
    <message>
        <source>mime</source>
        <translation>bestandstype</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notities</translation>
    </message>
    <message>
        <source>period</source>
        <translation>periode</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefoon</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>profiel</translation>
    </message>
    <message>
        <source>purpose</source>
        <translation>doel</translation>
    </message>
    <message>
        <source>quality</source>
        <translation>kwaliteit</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>reden</translation>
    </message>
    <message>
        <source>retention</source>
        <translation>bewaartermijn</translation>
    </message>
    <message>
        <source>source</source>
        <translation>bron</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>onderwerp</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>samenvatting</translation>
    </message>
    <message>
        <source>type</source>
        <translation>soort</translation>
    </message>
    <message>
        <source>until</source>
        <translation>tot</translation>
    </message>
    <message>
        <source>value</source>
        <translation>waarde</translation>
    </message>
    <message>
        <source>via</source>
        <translation>via</translation>
    </message>
    <message>
        <source>webform</source>
        <translation>webformulier</translation>
    </message>
    <message>
        <source>website</source>
        <translation>website</translation>
    </message>
</context>
<context>
    <name>form_dialog</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-DD</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>fair</source>
        <extracomment>The translation context of `tr()` below. lupdate files every bare `tr(&quot;…&quot;)` call under the empty context, so module-level text must be looked up there too. The context of the vocabulary words (`term()`). The UI language setting in the Qt settings file (not ledger data: it applies before unlocking). Its choices: &quot;&quot; follows the operating system&apos;s locale. The languages the UI is translated into, each named in itself.</extracomment>
        <translation>eerlijk</translation>
    </message>
    <message>
        <source>questionable</source>
        <translation>twijfelachtig</translation>
    </message>
    <message>
        <source>unbalanced</source>
        <translation>uit balans</translation>
    </message>
    <message>
        <source>coerced</source>
        <translation>afgedwongen</translation>
    </message>
    <message>
        <source>Access to my data</source>
        <translation>Inzage in mijn gegevens</translation>
    </message>
    <message>
        <source>Correct my data</source>
        <translation>Mijn gegevens corrigeren</translation>
    </message>
    <message>
        <source>Erase my data</source>
        <translation>Mijn gegevens wissen</translation>
    </message>
    <message>
        <source>Restrict processing</source>
        <translation>Verwerking beperken</translation>
    </message>
    <message>
        <source>Data portability</source>
        <translation>Gegevensoverdraagbaarheid</translation>
    </message>
    <message>
        <source>Objection to processing</source>
        <translation>Bezwaar tegen verwerking</translation>
    </message>
    <message>
        <source>Objection to direct marketing</source>
        <translation>Bezwaar tegen direct marketing</translation>
    </message>
    <message>
        <source>Withdrawal of consent</source>
        <translation>Intrekking van toestemming</translation>
    </message>
    <message>
        <source>Automated decision</source>
        <translation>Geautomatiseerd besluit</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Herinnering</translation>
    </message>
    <message>
        <source>Complaint to the supervisory authority</source>
        <translation>Klacht bij de toezichthouder</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>concept</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>verzonden</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>ontvangst bevestigd</translation>
    </message>
    <message>
        <source>extended</source>
        <translation>verlengd</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>beantwoord</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>te laat</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>geëscaleerd</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>gesloten</translation>
    </message>
    <message>
        <source>drafted</source>
        <translation>opgesteld</translation>
    </message>
    <message>
        <source>reminded</source>
        <translation>herinnerd</translation>
    </message>
    <message>
        <source>note</source>
        <translation>notitie</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>post</source>
        <translation>post</translation>
    </message>
    <message>
        <source>webform</source>
        <translation>webformulier</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <source>dormant</source>
        <translation>slapend</translation>
    </message>
    <message>
        <source>erasure requested</source>
        <translation>verwijdering gevraagd</translation>
    </message>
    <message>
        <source>erased</source>
        <translation>verwijderd</translation>
    </message>
    <message>
        <source>worth it</source>
        <translation>de moeite waard</translation>
    </message>
    <message>
        <source>costs more data than it brings</source>
        <translation>kost meer gegevens dan het oplevert</translation>
    </message>
    <message>
        <source>value unknown</source>
        <translation>waarde onbekend</translation>
    </message>
    <message>
        <source>once</source>
        <translation>eenmalig</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>per maand</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>per jaar</translation>
    </message>
    <message>
        <source>month</source>
        <translation>maand</translation>
    </message>
    <message>
        <source>year</source>
        <translation>jaar</translation>
    </message>
    <message>
        <source>service</source>
        <translation>dienst</translation>
    </message>
    <message>
        <source>discount</source>
        <translation>korting</translation>
    </message>
    <message>
        <source>money</source>
        <translation>geld</translation>
    </message>
    <message>
        <source>points</source>
        <translation>punten</translation>
    </message>
    <message>
        <source>content</source>
        <translation>inhoud</translation>
    </message>
    <message>
        <source>convenience</source>
        <translation>gemak</translation>
    </message>
    <message>
        <source>other</source>
        <translation>overig</translation>
    </message>
    <message>
        <source>provided</source>
        <translation>zelf gegeven</translation>
    </message>
    <message>
        <source>observed</source>
        <translation>waargenomen</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>afgeleid</translation>
    </message>
    <message>
        <source>inferred</source>
        <translation>ingeschat</translation>
    </message>
    <message>
        <source>third party</source>
        <translation>van derden</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>toestemming</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>overeenkomst</translation>
    </message>
    <message>
        <source>legal obligation</source>
        <translation>wettelijke verplichting</translation>
    </message>
    <message>
        <source>legitimate interest</source>
        <translation>gerechtvaardigd belang</translation>
    </message>
    <message>
        <source>vital interest</source>
        <translation>vitaal belang</translation>
    </message>
    <message>
        <source>public task</source>
        <translation>taak van algemeen belang</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>tested</source>
        <extracomment>How the directory compiled a record (its `quality`, app.services.directory; best first), and the word for a record without one: `term()` shows them in the UI&apos;s language.</extracomment>
        <translation>getest</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>gecontroleerd</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>geïmporteerd</translation>
    </message>
    <message>
        <source>scraped</source>
        <translation>automatisch verzameld</translation>
    </message>
    <message>
        <source>unrated</source>
        <translation>niet beoordeeld</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
</context>
</TS>
