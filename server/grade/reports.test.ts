/** The JUnit and CSV reports: their shape, and that what a learner printed cannot break them. */
import { expect, test } from 'vitest';
import { csvReport } from './csv.ts';
import type { Row } from './grade-item.ts';
import { junitReport } from './junit.ts';
import type { RuleResult } from './run-harness.ts';

const rule = (id: string, status: RuleResult['status'], message = '', transcript: string[] = []): RuleResult => ({ id, status, message, details: { transcript }, durationMs: 1500 });
const row = (fields: Partial<Row>): Row => ({ path: 'class/alice', student: 'alice', lesson: 'take-the-port', verdict: 'failed', notes: [], results: [], checked: true, durationMs: 2000, points: 0, maxPoints: 3, ...fields });
const rows = [
  row({ verdict: 'passed', points: 3, results: [rule('responds-http', 'pass'), rule('uses-env-port', 'pass')] }),
  row({ path: 'class/bob.zip', student: 'bob', notes: ['found the project in orders/ — graded that'], results: [rule('responds-http', 'fail', 'Listened on "3000" <not PORT> & crashed', ['$ PORT=4 node server.js', 'oops \u001b[31mred\u0000']), rule('uses-env-port', 'skipped', 'Not run.')] }),
  row({ path: 'class/=cmd', student: '=cmd', verdict: 'error', checked: false, problem: 'not a readable zip, "really"', results: [rule('responds-http', 'error', 'Not graded.'), rule('uses-env-port', 'error', 'Not graded.')] }),
];

test('JUnit: a testsuite per submission, a testcase per rule, message and transcript in the failure', () => {
  const xml = junitReport(rows);
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="portside grade" tests="6" failures="1" errors="2" skipped="1">/);
  expect(xml.match(/<testsuite /g)).toHaveLength(3);
  expect(xml.match(/<testcase /g)).toHaveLength(6);
  expect(xml).toContain('<testsuite name="class/bob.zip" tests="2" failures="1" errors="0" skipped="1" time="2.000">');
  expect(xml).toContain('<testcase classname="take-the-port.bob" name="responds-http" time="1.500">\n      <failure message="Listened on &quot;3000&quot; &lt;not PORT&gt; &amp; crashed" type="fail">Listened on "3000" &lt;not PORT&gt; &amp; crashed\n\n$ PORT=4 node server.js\noops \uFFFD[31mred\uFFFD</failure>');
  expect(xml).toContain('<skipped message="Not run."/>');
  expect(xml).toContain('<testsuite name="class/alice" tests="2" failures="0" errors="0" skipped="0" time="2.000">\n    <properties>\n      <property name="points" value="3"/>\n      <property name="maxPoints" value="3"/>\n    </properties>');
  expect(xml).toContain('<system-out>note: found the project in orders/ — graded that</system-out>');
  expect(xml).toContain('<error message="Not graded." type="error">');
  expect(xml).toContain('<system-out>could not be checked: not a readable zip, "really"</system-out>');
  expect(xml).not.toMatch(/[\u0000-\u0008\u001b]/);
});

test('CSV: a row per submission, a column per rule, quoted where needed, formulas defused', () => {
  expect(csvReport(rows, ['responds-http', 'uses-env-port']).split('\r\n')).toEqual([
    'student,path,lesson,verdict,rules passed,points,max points,responds-http,uses-env-port,notes',
    'alice,class/alice,take-the-port,passed,2/2,3,3,pass,pass,',
    'bob,class/bob.zip,take-the-port,failed,0/2,0,3,fail,skipped,found the project in orders/ — graded that',
    `"'=cmd",class/=cmd,take-the-port,error,0/2,0,3,error,error,"not a readable zip, ""really"""`,
    '',
  ]);
});
