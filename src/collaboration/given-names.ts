/**
 * Given names common among children and young people in Sweden (born from about 2004), for the
 * guard's warning that a text may name a child (src/collaboration/personal-data-guard.ts). A
 * catalogue, not a register: it only has to catch the likely names, and a warning can be confirmed.
 * Names of the adults who usually write in this layer (officials' names such as Anders, Margareta)
 * are left out on purpose, so that minutes naming them do not warn on every line.
 *
 * Drawn from the most common names given in Sweden in the last twenty years as commonly reported,
 * with names common among families from Arabic-, Somali-, Persian-, Tigrinya-, Ukrainian- and
 * Finnish-speaking backgrounds; not a copy of any published list.
 */
// biome-ignore format: a catalogue reads best packed
export const childGivenNames: readonly string[] = [
  // Girls
  'Agnes', 'Alice', 'Alicia', 'Alma', 'Amanda', 'Amelia', 'Astrid', 'Cornelia', 'Clara', 'Cleo',
  'Dagny', 'Ebba', 'Edith', 'Edla', 'Elin', 'Elina', 'Elise', 'Ella', 'Ellen', 'Ellie', 'Elsa',
  'Elvira', 'Emilia', 'Emma', 'Felicia', 'Filippa', 'Freja', 'Greta', 'Hanna', 'Hedda', 'Hilda',
  'Ida', 'Ines', 'Ingrid', 'Isabelle', 'Jonna', 'Julia', 'Juni', 'Klara', 'Lea', 'Leah', 'Lilly',
  'Lina', 'Linn', 'Linnea', 'Lisa', 'Liv', 'Lova', 'Luna', 'Majken', 'Maja', 'Meja', 'Mila',
  'Minna', 'Mira', 'Moa', 'Mollie', 'Märta', 'Nellie', 'Noomi', 'Nora', 'Nova', 'Novalie', 'Olivia',
  'Ronja', 'Saga', 'Sara', 'Selma', 'Signe', 'Sigrid', 'Smilla', 'Sofia', 'Stella', 'Svea', 'Thea',
  'Tilde', 'Tindra', 'Tove', 'Tyra', 'Vera', 'Vilda', 'Vilja', 'Wilma', 'Ylva',
  // Boys
  'Adam', 'Adrian', 'Albin', 'Alexander', 'Alfred', 'Alvin', 'Anton', 'Arvid', 'Axel', 'Benjamin',
  'Carl', 'Casper', 'Charlie', 'Colin', 'Dante', 'David', 'Douglas', 'Ebbe', 'Eddie', 'Edvin',
  'Elias', 'Elliot', 'Emil', 'Erik', 'Felix', 'Filip', 'Folke', 'Frans', 'Gabriel', 'Gustav',
  'Hampus', 'Hannes', 'Harry', 'Henry', 'Hugo', 'Isak', 'Jack', 'Jacob', 'Jakob', 'Jonathan',
  'Josef', 'Julian', 'Kasper', 'Leo', 'Leon', 'Liam', 'Linus', 'Loke', 'Love', 'Lucas', 'Ludvig',
  'Lukas', 'Malte', 'Matteo', 'Max', 'Melker', 'Melvin', 'Milo', 'Mio', 'Neo', 'Nils', 'Noah',
  'Noel', 'Olle', 'Oliver', 'Oscar', 'Oskar', 'Otto', 'Rasmus', 'Samuel', 'Sebastian', 'Simon',
  'Sixten', 'Tage', 'Theo', 'Theodor', 'Valdemar', 'Valter', 'Vidar', 'Viggo', 'Viktor', 'Vilgot',
  'Ville', 'Vincent', 'Wilhelm', 'William',
  // Common among families with roots elsewhere
  'Abdi', 'Abdirahman', 'Abdullah', 'Ahmad', 'Ahmed', 'Ali', 'Amina', 'Amir', 'Aya', 'Ayaan',
  'Dunya', 'Fatima', 'Hamza', 'Hassan', 'Hawa', 'Hiba', 'Hodan', 'Hussein', 'Ibrahim', 'Idris',
  'Ifrah', 'Ilyas', 'Ismail', 'Layla', 'Leyla', 'Mahad', 'Mariam', 'Maryam', 'Mohamed', 'Mohammed',
  'Muhammad', 'Mustafa', 'Noor', 'Nour', 'Omar', 'Rayan', 'Sagal', 'Sumaya', 'Yahya', 'Yasmin',
  'Yusuf', 'Zahra', 'Zakaria', 'Arash', 'Mehdi', 'Nazanin', 'Parisa', 'Reza', 'Shirin', 'Sina',
  'Yonas', 'Semhar', 'Selam', 'Anastasia', 'Artem', 'Bohdan', 'Daria', 'Dmytro', 'Maksym', 'Polina',
  'Sofiia', 'Viktoria', 'Aada', 'Aino', 'Eetu', 'Eino', 'Onni', 'Venla', 'Väinö',
];

/**
 * Names that are also ordinary Swedish or English words ("Liv" life, "Saga" tale, "Max" maximum,
 * "Juni" June): at the start of a sentence, where every word is capitalised, they do not warn.
 */
// biome-ignore format: a catalogue reads best packed
export const namesThatAreWords: readonly string[] = [
  'Frans', 'Jack', 'Juni', 'Klara', 'Liv', 'Love', 'Lova', 'Max', 'Nova', 'Saga', 'Tilde', 'Tindra',
  'Vilda', 'Vilja', 'Ebbe', 'Linnea', 'Luna', 'Selam',
];
