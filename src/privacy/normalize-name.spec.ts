import { normalizeName } from './normalize-name';

describe('name normalization', () => {
  it('removes the five tones', () => {
    expect(normalizeName('ma mà má mả mã mạ')).toBe('ma ma ma ma ma ma');
  });

  it('removes the marks of ă â ê ô ơ ư, in both cases', () => {
    expect(normalizeName('ă â ê ô ơ ư Ă Â Ê Ô Ơ Ư')).toBe('a a e o o u a a e o o u');
  });

  it('turns đ and Đ into d', () => {
    expect(normalizeName('Đặng Đình Đức')).toBe('dang dinh duc');
  });

  it('lowers case and keeps single spaces between words', () => {
    expect(normalizeName('  NGUYỄN   Văn\tAn  ')).toBe('nguyen van an');
  });

  it('gives the same form for precomposed and decomposed input', () => {
    const precomposed = 'Nguyễn Thị Ánh';
    expect(normalizeName(precomposed.normalize('NFD'))).toBe(normalizeName(precomposed.normalize('NFC')));
  });

  it('keeps letters that carry a tone and a vowel mark apart from their base correctly', () => {
    expect(normalizeName('Trương Thị Hường Phượng Ưởng')).toBe('truong thi huong phuong uong');
  });
});
