/**
 * Name lists for fictional people, roughly in order of how common they are in Sweden (most common
 * first; the generator weights them by rank). A mix of long-established Swedish names and names
 * common among families who came later, since the people register of a Swedish city has both.
 * Nothing here identifies anyone: names are combined at random with generated identity numbers.
 */

// biome-ignore format: a compact list reads better than one name per line
export const girlNames = [
  'Alice', 'Maja', 'Elsa', 'Astrid', 'Wilma', 'Freja', 'Olivia', 'Selma', 'Alma', 'Ella', 'Vera', 'Ebba',
  'Agnes', 'Clara', 'Signe', 'Alva', 'Saga', 'Stella', 'Ellen', 'Lilly', 'Molly', 'Nova', 'Leah', 'Elvira',
  'Juni', 'Ines', 'Liv', 'Luna', 'Emma', 'Julia', 'Ida', 'Linnea', 'Hanna', 'Moa', 'Matilda', 'Amanda',
  'Sara', 'Felicia', 'Elin', 'Emilia', 'Tilde', 'Isabelle', 'Lova', 'Meja', 'Edith', 'Ellie', 'Tyra',
  'Sofia', 'Amira', 'Maryam', 'Zeynep', 'Hiba', 'Aya', 'Amina', 'Sumaya', 'Hodan', 'Aisha', 'Fatima',
  'Nour', 'Lana', 'Sanna', 'Åsa', 'Märta', 'Siri', 'Thea', 'Zoë', 'Mariam', 'Senait', 'Oksana', 'Aino',
  'Sofiya', 'Yasmin', 'Leila', 'Dunja', 'Mila', 'Nellie',
];

// biome-ignore format: a compact list reads better than one name per line
export const boyNames = [
  'Noah', 'William', 'Hugo', 'Lucas', 'Liam', 'Oscar', 'Elias', 'Oliver', 'Adam', 'Alexander', 'Leo',
  'Vincent', 'Charlie', 'Nils', 'Ludvig', 'Theo', 'Arvid', 'Harry', 'Viggo', 'Albin', 'Filip', 'Isak',
  'Axel', 'Melvin', 'Sixten', 'Gustav', 'Emil', 'Anton', 'Erik', 'Johan', 'Viktor', 'Jonathan', 'Elliot',
  'Love', 'Olle', 'Sam', 'Otto', 'Malte', 'Mohammed', 'Ali', 'Omar', 'Yusuf', 'Ibrahim', 'Abdi', 'Ahmed',
  'Hassan', 'Mustafa', 'Ismail', 'Adrian', 'Kevin', 'Daniel', 'David', 'Simon', 'Sebastian', 'Rasmus',
  'Jacob', 'Wilhelm', 'Hampus', 'Max', 'Leon', 'Folke', 'Örjan', 'Taras', 'Väinö', 'José', 'Mehmet',
  'Yonas', 'Amir', 'Milo', 'Ivar', 'Loke', 'Bilal', 'Zakaria', 'Dawit',
];

// biome-ignore format: a compact list reads better than one name per line
export const womenNames = [
  'Anna', 'Maria', 'Sara', 'Emma', 'Johanna', 'Karin', 'Sofia', 'Jenny', 'Linda', 'Malin', 'Frida',
  'Camilla', 'Jessica', 'Elin', 'Helena', 'Lina', 'Hanna', 'Therese', 'Caroline', 'Ida', 'Fatima', 'Amina',
  'Leila', 'Nadia', 'Olena', 'Sandra', 'Emelie', 'Louise', 'Cecilia', 'Matilda', 'Anneli', 'Susanne',
  'Petra', 'Åsa', 'Mona', 'Zahra', 'Hawa', 'Halima', 'Natalia', 'Ayse', 'Mirjam', 'Lejla',
];

// biome-ignore format: a compact list reads better than one name per line
export const menNames = [
  'Erik', 'Johan', 'Andreas', 'Daniel', 'Fredrik', 'Mikael', 'Marcus', 'Peter', 'Anders', 'Magnus',
  'Jonas', 'Martin', 'Niklas', 'Christoffer', 'Patrik', 'Tobias', 'Mattias', 'Ahmed', 'Mohammed', 'Ali',
  'Hassan', 'Omar', 'Mehmet', 'Dmytro', 'Joakim', 'Henrik', 'Stefan', 'Thomas', 'Robert', 'Per', 'Karl',
  'Jimmy', 'Sami', 'Abdullahi', 'Yusuf', 'Hamid', 'Tesfay', 'Goran', 'Emir', 'Kenneth',
];

// biome-ignore format: a compact list reads better than one name per line
export const familyNames = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson',
  'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg',
  'Jakobsson', 'Magnusson', 'Olofsson', 'Lindström', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson',
  'Bergström', 'Lundberg', 'Lind', 'Lundgren', 'Lundqvist', 'Mattsson', 'Berglund', 'Fredriksson',
  'Sandberg', 'Henriksson', 'Forsberg', 'Sjöberg', 'Ali', 'Wallin', 'Mohammed', 'Engström', 'Eklund',
  'Danielsson', 'Lundin', 'Håkansson', 'Björk', 'Bergman', 'Gunnarsson', 'Holm', 'Wikström', 'Samuelsson',
  'Isaksson', 'Fransson', 'Bergqvist', 'Nyström', 'Holmberg', 'Arvidsson', 'Löfgren', 'Söderberg',
  'Nyberg', 'Blomqvist', 'Claesson', 'Nordström', 'Ahmed', 'Mårtensson', 'Lundström', 'Hassan', 'Viklund',
  'Björklund', 'Eliasson', 'Pålsson', 'Berggren', 'Sandström', 'Lund', 'Nordin', 'Ström', 'Åberg', 'Falk',
  'Ekström', 'Hermansson', 'Holmgren', 'Hellström', 'Dahlberg', 'Hedlund', 'Sundberg', 'Sjögren', 'Ek',
  'Blom', 'Abrahamsson', 'Martinsson', 'Öberg', 'Andreasson', 'Strömberg', 'Månsson', 'Hansen', 'Åkesson',
  'Dahl', 'Lindholm', 'Norberg', 'Holmqvist', 'Hussein', 'Abdullahi', 'Yilmaz', 'Kaya', 'Nguyen',
  'Kovalenko', 'Shevchenko', 'Haile', 'Tesfaye', 'Osman', 'Warsame', 'Rahimi', 'Hosseini', 'Mohamud',
  'Jama', 'Nowak', 'Kowalski', 'Popescu', 'Rodriguez', 'Garcia', 'Silva', 'Korhonen', 'Virtanen', 'Khalil',
  'Jawad', 'Said', 'Demir', 'Öztürk', 'Ibrahim', 'Yousef', 'Nasser', 'Begić', 'Hodžić', 'Petrović',
];

// biome-ignore format: a compact list reads better than one name per line
export const streets = [
  'Storgatan', 'Drottninggatan', 'Kungsgatan', 'Skolgatan', 'Kyrkogatan', 'Parkvägen', 'Björkvägen',
  'Ängsvägen', 'Sjövägen', 'Tallstigen', 'Lärkvägen', 'Hamngatan', 'Järnvägsgatan', 'Industrigatan',
  'Villavägen', 'Granvägen', 'Ekvägen', 'Bergsgatan', 'Torggatan', 'Nygatan', 'Solvägen', 'Lingonstigen',
];

/**
 * Parts of the many rarer Swedish family names (Lind + ström, Sjö + berg …): the register of a
 * city has tens of thousands of family names, and a search for one of them finds a handful of
 * people, not thousands.
 */
// biome-ignore format: a compact list reads better than one part per line
export const familyNameHeads = [
  'Lind', 'Berg', 'Sjö', 'Ek', 'Björk', 'Gran', 'Holm', 'Lund', 'Ny', 'Sand', 'Ström', 'Dahl', 'Fors',
  'Hag', 'Hed', 'Wall', 'Åker', 'Ås', 'Bäck', 'Löv', 'Al', 'Asp', 'Blom', 'Eng', 'Fur', 'Hassel',
  'Kvarn', 'Lil', 'Mal', 'Nord', 'Sten', 'Sund', 'Söder', 'Väst', 'Öst', 'Rosen', 'Lilje', 'Ceder',
  'Palm', 'Ros',
];
// biome-ignore format: a compact list reads better than one part per line
export const familyNameTails = [
  'berg', 'ström', 'gren', 'qvist', 'lund', 'holm', 'man', 'dahl', 'borg', 'stedt', 'fors', 'blad',
  'kvist', 'ling', 'näs', 'vall', 'bäck', 'sjö', 'mark', 'hed', 'ros', 'stam', 'by', 'hall', 'gård',
];
