/**
 * The demo guide in easy-to-read Swedish (lättläst) for the entries that src/guide/demo-content.ts
 * writes in Swedish only, so that every text of the guide is there in lättläst. Written for this
 * project after the Swedish texts, by the rules for easy-to-read Swedish: short sentences with
 * one thing in each, common words, "du", the most important first, numbers as digits, and a
 * hard word explained the first time. Like the other translations, to be checked by someone who
 * writes lättläst for a living before real use (decision 0023).
 */
type Texts = readonly [title: string, summary: string, forWhom: string, howToGet: string, hours: string];

export const easyToReadTexts: Readonly<Record<string, Texts>> = {
  familjecentral: [
    'Familjecentralen – för familjer med små barn',
    'Familjecentralen är ett hus för familjer med små barn. Där finns barnmorskor och BVC. Där finns också en öppen förskola. En socionom från socialtjänsten finns också där.\n\nDu kan prata med någon om hur det är att vara förälder. Det kan vara små saker eller stora saker.',
    'Du som ska få barn. Familjer med barn från 0 till 5 år.',
    'Kom dit när det är öppet. Du kan också ringa och boka en tid att prata.',
    'Måndag till torsdag klockan 9–16. Fredag klockan 9–12.',
  ],
  oppenForskola: [
    'Öppna förskolan – lek med ditt barn',
    'Öppna förskolan är en plats där du och ditt barn kan leka och sjunga. Där träffar ni andra familjer. Det finns förskollärare där. Du är med ditt barn hela tiden.',
    'Barn från 0 till 5 år. Barnet kommer med en vuxen. Det kan vara en förälder, en mormor, en farfar eller någon annan.',
    'Kom när det är öppet. Du behöver inte anmäla dig. Det kostar inget.',
    'Tisdag till torsdag klockan 9–12.',
  ],
  abc: [
    'Kurs för föräldrar',
    'Det här är en kurs för föräldrar. Ni träffas 4 gånger. Ni pratar om hur du kan få en bättre relation med ditt barn. Ni pratar om hur ni kan bråka mindre hemma. Det är 8 till 12 föräldrar i gruppen.',
    'Föräldrar som har barn från 3 till 12 år. En eller två vuxna från samma familj kan gå.',
    'Ring eller skicka e-post för att anmäla dig. Kursen kostar inget.',
    'På kvällen klockan 18–20.30. Kursen är 4 gånger varje termin.',
  ],
  foraldraradgivning: [
    'Prata med någon om att vara förälder',
    'Du kan prata med en familjebehandlare. Du kan få prata upp till 5 gånger. Ni kan prata om bråk hemma, om du är orolig för ditt barn, om skärmar eller om ni ska skiljas.\n\nSocialtjänsten skriver inte ner det ni pratar om i något ärende.',
    'Föräldrar och andra vuxna i familjen som har barn från 0 till 17 år. Barn och unga kan också komma själva.',
    'Ring eller skicka e-post. Du behöver inte ansöka. Det kostar inget.',
    'Du kan ringa måndag till fredag klockan 9–11.',
  ],
  narvaroteam: [
    'Hjälp när ett barn inte går till skolan',
    'Närvaroteamet hjälper barn som ofta är borta från skolan. De hjälper barnet att komma tillbaka till skolan.\n\nI teamet finns en specialpedagog och en kurator. Där finns också en familjebehandlare från socialtjänsten. De arbetar tillsammans med barnet, familjen och skolan.',
    'Elever i grundskolan som ofta är borta från skolan. Och deras föräldrar.',
    'Prata med rektorn eller elevhälsan på skolan. Du kan också ringa närvaroteamet själv.',
    'Måndag till fredag klockan 8–16.',
  ],
  modersmal: [
    'Lära sig på sitt eget språk i skolan',
    'Talar ditt barn ett annat språk hemma? Då kan barnet få lektioner i sitt språk. Det kallas modersmål.\n\nÄr ditt barn nytt i Sverige? Då kan barnet få hjälp med skolämnena på det språk barnet kan bäst. Det kallas studiehandledning.',
    'Elever i grundskolan och gymnasiet som har ett annat språk än svenska hemma.',
    'Prata med skolan. Skolan anmäler ditt barn.',
    'När barnet är i skolan.',
  ],
  specialpedagog: [
    'Extra stöd i förskolan',
    'Behöver ditt barn mer hjälp för att lära sig? Det kan vara att prata, att leka eller att vara med andra barn. Då kan förskolan få hjälp av en specialpedagog. Det är en lärare som kan mycket om barn som behöver extra stöd.\n\nDu och förskolan gör en plan för ditt barn tillsammans.',
    'Barn i förskolan som behöver extra stöd. Och deras föräldrar.',
    'Prata med personalen eller rektorn på förskolan.',
    'När förskolan är öppen.',
  ],
  tidigaInsatser: [
    'Hjälp tidigt för små barn',
    'Är du eller BVC oroliga för hur ditt barn utvecklas? Det kan vara att barnet pratar sent eller har svårt att röra sig. Då kan barnet få träffa en psykolog eller en logoped. En logoped hjälper barn som har svårt att prata.\n\nDet är bra att få hjälp så tidigt som möjligt.',
    'Barn från 0 till 5 år som lär sig saker långsammare än andra barn i samma ålder.',
    'Prata med sjuksköterskan på BVC. Hon kontaktar psykologen eller logopeden.',
    'Måndag till fredag klockan 8–16.',
  ],
  bup: [
    'BUP – när ett barn mår mycket dåligt',
    'BUP hjälper barn och unga som mår mycket dåligt i sitt huvud och sina känslor. Det kan vara mycket stark oro eller ångest. Det kan vara att barnet är mycket ledset, inte äter eller tänker på att dö.\n\nBUP tar också reda på om ett barn har adhd eller autism.',
    'Barn och unga från 0 till 17 år som mår mycket dåligt. Och deras familjer.',
    'Du kan ringa BUP själv. Vårdcentralen eller elevhälsan kan också skicka en remiss. En remiss är ett brev från vården. Är någon i fara nu? Ring 112.',
    'Du kan ringa måndag till fredag klockan 8–16.',
  ],
  vardcentral: [
    'Vårdcentralen – när du är sjuk',
    'På vårdcentralen får barn och vuxna hjälp när de är sjuka. Du kan också få hjälp om du mår dåligt i dina känslor. Det finns en psykolog för barn och unga.\n\nFör barn under 18 år kostar det inget.',
    'Alla som bor i Sjövik.',
    'Ring vårdcentralen. Du kan också kontakta dem på 1177.se. Du behöver ingen remiss.',
    'Måndag till fredag klockan 8–17.',
  ],
  vardguiden: [
    '1177 – ring när någon är sjuk',
    'Är du eller ditt barn sjuk? Vet du inte vart du ska gå? Ring 1177. En sjuksköterska svarar. Hon säger vad du kan göra eller vart du ska gå.',
    'Alla i hela Sverige.',
    'Ring 1177. Du kan be om tolk.',
    'Du kan ringa alla dagar. Dag och natt.',
  ],
  tandvard: [
    'Tandvård för barn och unga',
    'Barn och unga får gå till tandläkaren utan att betala. Tandvården kallar ditt barn till en kontroll. Ni får lära er hur ni tar hand om tänderna.',
    'Barn och unga till och med det år de fyller 23 år.',
    'Tandvården skickar ett brev med en tid. Du kan ringa om du vill ändra tiden. Ring också om ditt barn har ont i en tand.',
    'Måndag till fredag klockan 7.30–16.',
  ],
  familjebehandling: [
    'Familjebehandling – hjälp för hela familjen',
    'En familjebehandlare träffar er familj ofta. Ni kan träffas hemma eller på mottagningen. Målet är att ni ska få det bättre tillsammans. Ni bestämmer tillsammans vad ni ska arbeta med.',
    'Familjer med barn från 0 till 17 år. Det kan vara familjer där det är mycket bråk eller oro, och som inte klarar det själva.',
    'Ansök hos socialtjänsten. En socialsekreterare pratar med er och med barnet om vad ni behöver.',
    'Ni bestämmer tider tillsammans. Det går också på kvällen.',
  ],
  kontaktperson: [
    'En extra vuxen för ditt barn',
    'En kontaktperson är en vuxen som träffar ditt barn ofta. De gör roliga saker tillsammans.\n\nEn kontaktfamilj är en familj som ditt barn kan bo hos några helger varje månad. Då får barnet fler vuxna att lita på. Och föräldrarna får vila.',
    'Barn och unga från 0 till 20 år som behöver fler vuxna. Och familjer som behöver vila ibland.',
    'Ansök hos socialtjänsten.',
    'Ni bestämmer tider tillsammans.',
  ],
  barnVald: [
    'Prata om våld du har sett hemma',
    'Har du sett eller hört våld hemma? Då kan du få prata med en behandlare. Du kan prata ensam. Eller med en förälder som inte har slagits.\n\nDu får berätta om det som hänt. Det kan göra att du känner dig tryggare.',
    'Barn och unga från 4 till 17 år som har sett eller hört våld i familjen.',
    'Kontakta socialtjänsten eller teamet mot våld i nära relationer. Är någon i fara nu? Ring 112.',
    'Måndag till fredag klockan 8–17.',
  ],
  relationsvald: [
    'Hjälp när någon i familjen slåss eller hotar',
    'Blir du slagen eller hotad av någon i familjen? Bestämmer någon i familjen över dig? Då kan du få hjälp. Du kan få prata med någon och få råd. Du kan få hjälp att bo på ett skyddat ställe.\n\nHar du själv varit våldsam och vill sluta? Då kan du också få hjälp.',
    'Vuxna i familjer med barn. Du som blir utsatt för våld. Eller du som har varit våldsam.',
    'Ring teamet mot våld i nära relationer. Du behöver inte säga ditt namn första gången du ringer. Är du i fara nu? Ring 112.',
    'Måndag till fredag klockan 8–17. På kvällar och helger: ring socialjouren.',
  ],
  miniMaria: [
    'Mini-Maria – för unga och alkohol eller droger',
    'Mini-Maria hjälper unga som har provat alkohol eller droger. Eller som spelar om pengar. Föräldrarna kan också få hjälp.\n\nDär finns socialsekreterare, en sjuksköterska och en läkare.',
    'Unga från 13 till 21 år. Och deras föräldrar.',
    'Ring och boka en tid. Du behöver ingen remiss. Föräldrar kan ringa först.',
    'Måndag till fredag klockan 9–16.',
  ],
  samarbetssamtal: [
    'Hjälp att komma överens om barnen när ni skiljs',
    'Ska ni skiljas? Då kan ni få hjälp att komma överens om barnen. Det kan vara var barnen ska bo. Eller hur barnen ska träffa er båda.\n\nNi pratar med 2 personer som leder samtalen. Det som är bäst för barnen är viktigast.',
    'Föräldrar med barn från 0 till 17 år som ska skiljas eller har skilt sig.',
    'Ring familjerätten. Det kostar inget. Ni bestämmer själva om ni vill komma.',
    'Måndag till fredag klockan 8–16.',
  ],
  ensamkommande: [
    'Hjälp för dig som kom till Sverige utan dina föräldrar',
    'Är du under 18 år? Kom du till Sverige utan dina föräldrar? Då hjälper socialtjänsten dig. Du får en plats att bo på. Du får en god man. En god man är en vuxen som hjälper dig med viktiga saker. Du får också en socialsekreterare att prata med.\n\nDu får träffa vården och göra en hälsokontroll.',
    'Barn och unga som har kommit till Sverige utan en förälder eller annan vuxen som har ansvar för dem.',
    'Kontakta socialtjänsten. Skolan, Migrationsverket eller din gode man kan också kontakta socialtjänsten.',
    'Måndag till fredag klockan 8–16. På kvällar och helger: ring socialjouren.',
  ],
  laxhjalp: [
    'Hjälp med läxor på biblioteket',
    'Här får du hjälp med dina läxor. Det är frivilliga som hjälper dig. De förklarar det du inte förstår. Det finns fika. Det är lugnt och skönt att plugga där.',
    'Elever i årskurs 1 till 9.',
    'Kom dit. Du behöver inte anmäla dig.',
    'Måndag och onsdag klockan 15–17.',
  ],
  tjejKilljour: [
    'Tjej- och killjouren – prata med någon',
    'Här finns vuxna som lyssnar på dig. Du kan chatta eller ringa. Du kan prata om kärlek, din kropp, kompisar, familjen eller något som har hänt dig. Du behöver inte säga ditt namn.',
    'Unga från 12 till 20 år. Alla kön.',
    'Ring eller skicka e-post när jouren är öppen.',
    'Söndag till torsdag klockan 19–22.',
  ],
};
