import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button } from '@mui/material';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { usePeopleEditing } from '../employees/employeeEditing';

/**
 * 导入: to the import page (/employees/import), for whoever may change people: HR creates and
 * changes anyone, a supervisor or CS manager changes what the org policy lets them (the server
 * refuses the rest row by row, in the preview).
 */
export const EmployeeImportButton = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { fields } = usePeopleEditing();
  if (fields.size === 0) return null;
  return (
    <Button size="small" startIcon={<UploadFileIcon />} component={Link} to={`${createPath({ resource: 'employees', type: 'list' })}/import`}>
      {translate('app.import_export.import')}
    </Button>
  );
};
