/**
 * One rule in the results: its status in words and an icon, what it means (from the catalogue),
 * the harness's message, and — when opened — where in the code, the transcript and hints.
 */
import type { ReactNode } from 'react';
import { RULES } from '../../probes/catalogue.mjs';
import type { RuleView } from './check-state.ts';
import { ruleWords } from './check-words.ts';
import { CheckStatusIcon } from './CheckStatusIcon.tsx';

interface Props {
  rule: RuleView;
  expanded: boolean;
  onToggle(): void;
  /** The opened part: location, transcript, hints. */
  children?: ReactNode;
}

export function CheckRuleItem({ rule, expanded, onToggle, children }: Props) {
  const { label, tone } = ruleWords(rule);
  const detailsId = `check-rule-${rule.id}`;
  const head = (
    <>
      <CheckStatusIcon tone={tone} />
      <code className="check-rule__id">{rule.id}</code>
      <span className="check-rule__status">{label}</span>
    </>
  );
  return (
    <li className={`check-rule check-rule--${tone}`} data-rule={rule.id}>
      {rule.result ? (
        <button type="button" className="check-rule__head" aria-expanded={expanded} aria-controls={detailsId} onClick={onToggle}>
          {head}
          <Chevron />
        </button>
      ) : (
        <div className="check-rule__head">{head}</div>
      )}
      <div className="check-rule__text">
        {RULES[rule.id] && <p className="check-rule__meaning">{RULES[rule.id]}</p>}
        {rule.result && <p className="check-rule__message">{rule.result.message}</p>}
      </div>
      {rule.result && (
        <div id={detailsId} className="check-rule__details" hidden={!expanded}>
          {expanded && children}
        </div>
      )}
    </li>
  );
}

const Chevron = () => (
  <svg className="check-rule__chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="M5 6.5 8 9.5l3-3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);
