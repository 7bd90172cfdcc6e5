import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderTemplate, templateVariables } from './template';

describe('renderTemplate', () => {
  const otp = {
    subject: 'Your Kapas code for {{purpose}}',
    text: 'Hello {{name}}, your code is {{ code }}. It expires in {{minutes}} minutes.',
    html: '<p>Hello {{name}}, your code is <b>{{code}}</b>.</p>',
  };

  it('fills subject, text and html', () => {
    const r = renderTemplate(otp, { purpose: 'sign-in', name: 'Asha', code: '042917', minutes: 10 });
    expect(r).toEqual({
      ok: true,
      message: {
        subject: 'Your Kapas code for sign-in',
        text: 'Hello Asha, your code is 042917. It expires in 10 minutes.',
        html: '<p>Hello Asha, your code is <b>042917</b>.</p>',
      },
    });
  });

  it('escapes values in html only', () => {
    const r = renderTemplate(otp, { purpose: 'x', name: '<script>"Tom" & \'Jerry\'</script>', code: '1', minutes: 1 });
    if (!r.ok) throw new Error('expected ok');
    expect(r.message.html).toBe(
      '<p>Hello &lt;script&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/script&gt;, your code is <b>1</b>.</p>',
    );
    expect(r.message.text).toContain('<script>"Tom" & \'Jerry\'</script>');
  });

  it('reports every missing variable by name, sorted', () => {
    expect(renderTemplate(otp, { name: 'Asha', minutes: null })).toEqual({
      ok: false,
      error: 'TEMPLATE_VARIABLES_MISSING',
      missing: ['code', 'minutes', 'purpose'],
    });
  });

  it('does not resolve names from the object prototype', () => {
    expect(renderTemplate({ text: '{{constructor}} {{toString}}' }, {})).toMatchObject({
      ok: false,
      missing: ['constructor', 'toString'],
    });
  });

  it('leaves a template without html or subject without them', () => {
    expect(renderTemplate({ text: 'Code {{code}}' }, { code: '123456', extra: 'ignored' })).toEqual({
      ok: true,
      message: { text: 'Code 123456' },
    });
  });

  it('lists the variables a template uses', () => {
    expect(templateVariables(otp)).toEqual(['code', 'minutes', 'name', 'purpose']);
  });

  it('property: values are inserted literally and never re-expanded', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const r = renderTemplate({ text: '[{{a}}|{{b}}]', html: '[{{a}}]' }, { a, b });
        if (!r.ok) throw new Error('expected ok');
        expect(r.message.text).toBe(`[${a}|${b}]`);
        expect(r.message.html).toBe(`[${escapeHtml(a)}]`);
      }),
    );
  });

  it('property: escaped html never contains a raw <, >, " or \'', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(escapeHtml(s)).not.toMatch(/[<>"']/);
        expect(
          escapeHtml(s)
            .replaceAll('&lt;', '<')
            .replaceAll('&gt;', '>')
            .replaceAll('&quot;', '"')
            .replaceAll('&#39;', "'")
            .replaceAll('&amp;', '&'),
        ).toBe(s);
      }),
    );
  });
});
