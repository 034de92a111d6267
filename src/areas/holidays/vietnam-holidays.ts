/**
 * Weekday days off for Vietnamese public holidays (Labour Code 2019 Art. 112), as the government
 * announced them for public servants. Tết and Quốc khánh take the days the annual decision sets;
 * a holiday falling on a weekend is made up on the next working day. The list is data: admins
 * correct or extend it through PUT /calendar/holidays.
 */
export const VIETNAM_PUBLIC_HOLIDAYS_2025_2026: ReadonlyArray<{ date: string; name: string }> = [
  { date: '2025-01-01', name: 'Tết Dương lịch' },
  { date: '2025-01-27', name: 'Tết Nguyên đán (28 tháng Chạp)' },
  { date: '2025-01-28', name: 'Tết Nguyên đán (29 tháng Chạp)' },
  { date: '2025-01-29', name: 'Tết Nguyên đán (mùng 1)' },
  { date: '2025-01-30', name: 'Tết Nguyên đán (mùng 2)' },
  { date: '2025-01-31', name: 'Tết Nguyên đán (mùng 3)' },
  { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
  { date: '2025-04-30', name: 'Ngày Chiến thắng (30/4)' },
  { date: '2025-05-01', name: 'Ngày Quốc tế Lao động (1/5)' },
  { date: '2025-05-02', name: 'Nghỉ hoán đổi dịp 30/4 – 1/5' },
  { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)' },
  { date: '2025-09-02', name: 'Quốc khánh (2/9)' },
  { date: '2026-01-01', name: 'Tết Dương lịch' },
  { date: '2026-02-16', name: 'Tết Nguyên đán (29 tháng Chạp)' },
  { date: '2026-02-17', name: 'Tết Nguyên đán (mùng 1)' },
  { date: '2026-02-18', name: 'Tết Nguyên đán (mùng 2)' },
  { date: '2026-02-19', name: 'Tết Nguyên đán (mùng 3)' },
  { date: '2026-02-20', name: 'Tết Nguyên đán (mùng 4)' },
  { date: '2026-04-27', name: 'Giỗ Tổ Hùng Vương (nghỉ bù, 10/3 âm lịch rơi vào Chủ nhật)' },
  { date: '2026-04-30', name: 'Ngày Chiến thắng (30/4)' },
  { date: '2026-05-01', name: 'Ngày Quốc tế Lao động (1/5)' },
  { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)' },
  { date: '2026-09-02', name: 'Quốc khánh (2/9)' },
];
