// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { badgeDefinitions, diagnosticTasks, interests } from '../../../electron/common/content';
import { FIXED_ICONS } from '../../../electron/common/content/icons';
import { ContentIcon } from './ContentIcon';
import { APP_ICON, ICON_IDS, iconSvg, iconUrl } from './icon-sources';

afterEach(cleanup);

describe('bundled icons', () => {
  it('bundles a picture for every interest, badge, game piece and fixed icon, and the app icon', () => {
    const pieces = diagnosticTasks.flatMap((t) => (t.kind === 'pattern_completion' ? t.pieces : t.kind === 'memory_span' ? t.symbols : []));
    const wanted = [...interests.map((i) => i.icon), ...badgeDefinitions.map((b) => b.icon), ...pieces.map((p) => p.icon), ...FIXED_ICONS, APP_ICON];
    expect(wanted.filter((id) => iconSvg(id) === undefined)).toEqual([]);
    expect(new Set(ICON_IDS)).toEqual(new Set(wanted));
    for (const id of ICON_IDS) expect(iconSvg(id), id).toMatch(/^\s*<svg /);
  });

  it('makes a data: URL of the SVG itself, which the CSP (img-src data:) allows', () => {
    const url = iconUrl('space') ?? '';
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:image/svg+xml,'.length))).toBe(iconSvg('space')?.trim());
    expect(iconUrl('no_such_icon')).toBeUndefined();
  });
});

describe('ContentIcon', () => {
  it('with alt text it is an image named by that text', () => {
    render(<ContentIcon icon="space" alt="Space" size={32} />);
    const img = screen.getByRole('img', { name: 'Space' });
    expect(img.getAttribute('src')).toBe(iconUrl('space'));
    expect(img.getAttribute('aria-hidden')).toBeNull();
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['32', '32']);
  });

  it('with empty alt text it is decorative and hidden from screen readers', () => {
    const { container } = render(
      <p>
        <ContentIcon icon="football" alt="" />
        Football
      </p>,
    );
    expect(screen.queryByRole('img')).toBeNull();
    const img = container.querySelector('img');
    expect(img?.getAttribute('alt')).toBe('');
    expect(img?.getAttribute('aria-hidden')).toBe('true');
    expect(container.textContent).toBe('Football');
  });

  it('renders nothing for an id without a picture', () => {
    const { container } = render(<ContentIcon icon="no_such_icon" alt="Nothing" />);
    expect(container.innerHTML).toBe('');
  });
});
