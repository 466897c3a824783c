import ViewColumnIcon from '@mui/icons-material/ViewColumn';
import PushPinIcon from '@mui/icons-material/PushPin';
import PushPinOutlinedIcon from '@mui/icons-material/PushPinOutlined';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import { Button, Checkbox, Divider, IconButton, ListItemIcon, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

export interface ColumnChoice {
  colId: string;
  label: string;
  hide: boolean;
  pinned: 'left' | 'right' | null;
}

const NEXT_PIN = { null: 'left', left: 'right', right: null } as const;

/**
 * 列设置: show or hide each column, pin it left or right, or go back to the default layout.
 * Order and width are set in the header (drag, and the edge of a header); all of it is
 * remembered for the user.
 */
export const ColumnsMenu = ({
  getColumns,
  onToggle,
  onPin,
  onReset,
}: {
  getColumns(): ColumnChoice[];
  onToggle(colId: string, visible: boolean): void;
  onPin(colId: string, pinned: 'left' | 'right' | null): void;
  onReset(): void;
}) => {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [columns, setColumns] = useState<ColumnChoice[]>([]);
  const reread = () => setColumns(getColumns());

  return (
    <>
      <Button
        size="small"
        startIcon={<ViewColumnIcon />}
        onClick={(e) => {
          setColumns(getColumns());
          setAnchor(e.currentTarget);
        }}
        aria-haspopup="menu"
      >
        {translate('sheet.columns.title')}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)} slotProps={{ paper: { sx: { maxHeight: 420 } } }}>
        {columns.map((c) => (
          <MenuItem
            key={c.colId}
            dense
            onClick={() => {
              onToggle(c.colId, c.hide);
              reread();
            }}
            data-col-id={c.colId}
          >
            <ListItemIcon>
              <Checkbox size="small" edge="start" checked={!c.hide} tabIndex={-1} disableRipple slotProps={{ input: { 'aria-label': c.label } }} />
            </ListItemIcon>
            <ListItemText>{c.label}</ListItemText>
            <Tooltip title={translate(`sheet.columns.pin_${c.pinned ?? 'none'}`)}>
              <IconButton
                size="small"
                edge="end"
                aria-label={translate('sheet.columns.pin', { column: c.label })}
                onClick={(e) => {
                  e.stopPropagation();
                  onPin(c.colId, NEXT_PIN[String(c.pinned) as keyof typeof NEXT_PIN]);
                  reread();
                }}
                sx={c.pinned === 'right' ? { transform: 'scaleX(-1)' } : undefined}
              >
                {c.pinned ? <PushPinIcon fontSize="inherit" /> : <PushPinOutlinedIcon fontSize="inherit" />}
              </IconButton>
            </Tooltip>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          dense
          onClick={() => {
            onReset();
            setAnchor(null);
          }}
        >
          <ListItemIcon>
            <RestartAltIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{translate('sheet.columns.reset')}</ListItemText>
        </MenuItem>
      </Menu>
    </>
  );
};
