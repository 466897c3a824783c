import EventBusyIcon from '@mui/icons-material/EventBusy';
import { forwardRef } from 'react';
import { MenuItemLink, useTranslate, useUserMenu } from 'react-admin';

/** 我的代理 in the user menu: the page where one names a delegate while away. */
export const DelegationMenuItem = forwardRef<HTMLLIElement>((props, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItemLink
      ref={ref}
      {...props}
      to="/delegation"
      primaryText={translate('resources.delegation.name')}
      leftIcon={<EventBusyIcon fontSize="small" />}
      onClick={() => userMenu?.onClose()}
    />
  );
});
DelegationMenuItem.displayName = 'DelegationMenuItem';
