import InsightsIcon from '@mui/icons-material/Insights';
import { Menu, useResourceDefinitions } from 'react-admin';

/** The route of 数据看板 (its own page since people land on 待我审批). */
export const DASHBOARD_PATH = '/dashboard';

/**
 * The menu: the resources in App.tsx order, with 数据看板 right after 待我审批 (the home page),
 * so the two things a manager opens every day come first.
 */
export const ConsoleMenu = () => {
  const resources = useResourceDefinitions();
  const listed = Object.keys(resources).filter((name) => resources[name]?.hasList);
  const [first, ...rest] = listed;
  return (
    <Menu>
      {first && <Menu.ResourceItem name={first} />}
      <Menu.Item to={DASHBOARD_PATH} primaryText="app.dashboard.menu" leftIcon={<InsightsIcon />} />
      {rest.map((name) => (
        <Menu.ResourceItem key={name} name={name} />
      ))}
    </Menu>
  );
};
