import { Stack, Typography } from '@mui/material';
import { Link, useCreatePath, useLocaleState, useTranslate } from 'react-admin';
import type { CandidateEarlier } from './types';

/**
 * The earlier candidates a new one repeats (same mobile or email, any opening), each a link to
 * their page with their opening and how far they got (their outcome, once ended).
 */
export const DuplicateLinks = ({ duplicates, ids }: { duplicates: readonly CandidateEarlier[] | undefined; ids: readonly string[] }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale] = useLocaleState();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const t = (k: string, options?: Record<string, unknown>) => translate(`resources.candidates.duplicates.${k}`, options);
  const items = duplicates ?? ids.map((id) => ({ id, openingTitle: null, stageLabel: null, createdAt: null }));
  return (
    <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 2.5 }} data-testid="duplicate-links">
      {items.map((d) => (
        <li key={d.id}>
          <Link to={createPath({ resource: 'candidates', id: d.id, type: 'show' })} data-earlier={d.id}>
            {d.stageLabel
              ? t('item', { opening: d.openingTitle ?? t('unknown_opening'), stage: d.stageLabel, date: d.createdAt ? date.format(new Date(d.createdAt)) : '—' })
              : t('open', { id: d.id })}
          </Link>
        </li>
      ))}
      {items.length === 0 && <Typography variant="body2">{t('none')}</Typography>}
    </Stack>
  );
};
