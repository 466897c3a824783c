import { Box, Typography, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';

/** A titled block of a show page. */
export const Section = ({ title, children, sx, id }: { title: ReactNode; children: ReactNode; sx?: SxProps<Theme>; id?: string }) => (
  <Box component="section" sx={sx} aria-labelledby={id ? `${id}-title` : undefined}>
    <Typography variant="subtitle1" component="h2" id={id ? `${id}-title` : undefined} sx={{ fontWeight: 600, mb: 1 }}>
      {title}
    </Typography>
    {children}
  </Box>
);
