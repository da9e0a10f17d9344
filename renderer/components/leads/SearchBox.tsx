import { useEffect, useRef, useState } from 'react';
import { CloseButton, Kbd, TextInput } from '@mantine/core';
import { useDebouncedCallback, useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { withoutControlChars } from '../../../shared/text';
import { usePrefs } from '../../state/ui-store';

const SEARCH_DEBOUNCE_MS = 250;

/** Debounced search over domain and company; Ctrl/Cmd+K focuses it from anywhere, ArrowDown hands over to the grid. */
export function SearchBox() {
  const { t } = useTranslation();
  const stored = usePrefs((state) => state.filters.search);
  const setFilter = usePrefs((state) => state.setFilter);
  const [value, setValue] = useState(stored);
  const input = useRef<HTMLInputElement>(null);
  const commit = useDebouncedCallback((next: string) => setFilter('search', next), SEARCH_DEBOUNCE_MS);

  // "clear filters" elsewhere must also empty the box
  useEffect(() => setValue(stored), [stored]);
  useHotkeys([['mod+K', () => input.current?.focus()]], []);

  return (
    <TextInput
      ref={input}
      size="xs"
      className="search-box"
      placeholder={t('toolbar.searchPlaceholder')}
      aria-label={t('toolbar.search')}
      value={value}
      onChange={(event) => {
        // a pasted NUL or BEL is invisible and matches nothing: the box never holds one
        const next = withoutControlChars(event.currentTarget.value);
        setValue(next);
        commit(next);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          commit.flush(); // no need to wait out the debounce when the user says "go"
        } else if (event.key === 'ArrowDown') {
          // keyboard-only path: search, then walk the results without reaching for the mouse
          event.preventDefault();
          commit.flush();
          document.querySelector<HTMLElement>('[role="grid"]')?.focus();
        } else if (event.key === 'Escape' && value) {
          event.stopPropagation();
          setValue('');
          setFilter('search', '');
        }
      }}
      leftSection={<span aria-hidden="true">⌕</span>}
      rightSectionWidth={value ? 28 : 52}
      rightSection={
        value ? (
          <CloseButton
            size="xs"
            aria-label={t('toolbar.clearSearch')}
            onClick={() => {
              setValue('');
              setFilter('search', '');
            }}
          />
        ) : (
          <Kbd size="xs" aria-hidden="true" className="search-kbd">
            Ctrl K
          </Kbd>
        )
      }
      data-testid="search-input"
    />
  );
}
