import InsightsIcon from '@mui/icons-material/Insights';
import { Badge } from '@mui/material';
import { createElement } from 'react';
import { Menu, useResourceDefinitions, useTranslate } from 'react-admin';
import { countBadge } from '../approvals/inboxTabs';
import { useInboxCounts } from '../approvals/useInboxCounts';

/** The route of 数据看板 (its own page since people land on 待我审批). */
export const DASHBOARD_PATH = '/dashboard';

/**
 * The menu: the resources in App.tsx order, with 数据看板 right after 待我审批 (the home page),
 * so the two things a manager opens every day come first. 待我审批 carries the number of tasks
 * waiting for me, as a red badge on its icon.
 */
export const ConsoleMenu = () => {
  const resources = useResourceDefinitions();
  const translate = useTranslate();
  const counts = useInboxCounts();
  const listed = Object.keys(resources).filter((name) => resources[name]?.hasList);
  const [first, ...rest] = listed;
  const pending = countBadge(counts?.pending, counts?.cap ?? 100);
  const inboxIcon = resources.approvals?.icon;
  return (
    <Menu>
      {first === 'approvals' ? (
        <Menu.Item
          to="/approvals"
          data-menu="approvals"
          primaryText={translate('resources.approvals.name', { smart_count: 2 })}
          // Read as shown, count first (WCAG 2.5.3: the name contains the visible text, in order).
          aria-label={pending ? `${pending} ${translate('resources.approvals.name', { smart_count: 2 })}` : undefined}
          leftIcon={
            <>
              <Badge badgeContent={pending || undefined} color="error" data-badge={pending}>
                {inboxIcon ? createElement(inboxIcon) : <span />}
              </Badge>
              {/* The count and the name are two words in the text too (no space is drawn in the
                  flex box), as the aria-label says them: "3 My approvals", not "3My approvals". */}
              {' '}
            </>
          }
        />
      ) : (
        first && <Menu.ResourceItem name={first} />
      )}
      <Menu.Item to={DASHBOARD_PATH} primaryText="app.dashboard.menu" leftIcon={<InsightsIcon />} />
      {rest.map((name) => (
        <Menu.ResourceItem key={name} name={name} />
      ))}
    </Menu>
  );
};
