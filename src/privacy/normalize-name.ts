/**
 * The normalized form of a person's name used to recognise the same child (docs/architecture.md,
 * Encryption of personal data): lower case, diacritics removed, đ → d, single spaces.
 * "Nguyễn  Văn  Ân" → "nguyen van an".
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // tone marks and the breve/circumflex/horn of ă â ê ô ơ ư
    .replace(/[đĐ]/g, 'd') // đ is a letter of its own, not d plus a mark, so NFD leaves it
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}
