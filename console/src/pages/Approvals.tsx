import { useTranslation } from 'react-i18next';
import { CaseList } from './CaseList';

/**
 * The commune chair's desk: plans waiting for approval (approve in the case file). Temporary
 * separation is decided in the case file too (emergency action). Returning a plan and extending
 * a separation come with POST /cases/{id}/plan/return and /separation/extend (not in the API yet).
 */
export function Approvals() {
  const { t } = useTranslation();
  return (
    <>
      <CaseList status="plan_drafted" />
      <p className="hint">{t('approvals.hint')}</p>
    </>
  );
}
