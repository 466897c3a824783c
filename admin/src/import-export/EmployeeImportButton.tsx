import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button } from '@mui/material';
import { Link, useCreatePath, usePermissions, useTranslate } from 'react-admin';
import { canEditPeople } from '../providers/authProvider';

/** 导入: to the import page (/employees/import), for those who may create and change people. */
export const EmployeeImportButton = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { permissions } = usePermissions<string[]>();
  if (!canEditPeople(permissions)) return null;
  return (
    <Button size="small" startIcon={<UploadFileIcon />} component={Link} to={`${createPath({ resource: 'employees', type: 'list' })}/import`}>
      {translate('app.import_export.import')}
    </Button>
  );
};
