/** The part of jstat (no published types) this module uses. */
declare module 'jstat' {
  export const jStat: {
    chisquare: {
      /** Quantile function of the chi-squared distribution. */
      inv(p: number, degreesOfFreedom: number): number;
    };
  };
}
