import KeyIcon from '@mui/icons-material/Key';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef, useState } from 'react';
import { useTranslate, useUserMenu } from 'react-admin';
import { ChangePasswordDialog } from './ChangePasswordDialog';

/** 修改密码 in the user menu: the dialog opens over the page, the menu closes. */
export const ChangePasswordMenuItem = forwardRef<HTMLLIElement>((props, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  const [open, setOpen] = useState(false);
  return (
    <>
      <MenuItem ref={ref} {...props} data-menu="change-password" onClick={() => setOpen(true)}>
        <ListItemIcon>
          <KeyIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>{translate('resources.users.change_password.menu')}</ListItemText>
      </MenuItem>
      <ChangePasswordDialog
        open={open}
        onClose={() => {
          setOpen(false);
          userMenu?.onClose();
        }}
      />
    </>
  );
});
ChangePasswordMenuItem.displayName = 'ChangePasswordMenuItem';
