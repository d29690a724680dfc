import { plansApi, ruleLines } from '../../api/plans';
import { useAsync } from '../../hooks/useAsync';
import { ErrorBox, Loading } from '../../components/Status';

/** The plan's placement rules and whether each is kept; broken SHOULD rules are where fewer hosts won. */
export function RulesSection({ planId }: { planId: string }) {
  const r = useAsync((s) => plansApi.rules(planId, s), [planId]);
  if (r.status === 'loading' && !r.data) return <Loading what="rules" />;
  if (r.status === 'error') return <ErrorBox error={r.error} onRetry={r.reload} />;
  if (!r.data) return null;
  const lines = ruleLines(r.data);
  return (
    <div className="table-wrap" data-testid="rules">
      <p data-testid="rules-summary">
        {r.data.brokenSoftRules.length === 0
          ? <>Every rule is kept.</>
          : <strong>{r.data.brokenSoftRules.length} soft (SHOULD) rule{r.data.brokenSoftRules.length === 1 ? ' is' : 's are'} broken where keeping {r.data.brokenSoftRules.length === 1 ? 'it' : 'them'} would cost hosts: {r.data.brokenSoftRules.join(', ')}.</strong>}
      </p>
      <table>
        <thead><tr><th scope="col">Rule</th><th scope="col">In this plan</th></tr></thead>
        <tbody>{lines.map((l, i) => (
          <tr key={i}><td style={{ whiteSpace: 'normal' }}>{l.rule}</td><td style={{ whiteSpace: 'normal' }}>{l.broken ? <strong>{l.status}</strong> : l.status}</td></tr>
        ))}</tbody>
      </table>
    </div>
  );
}
