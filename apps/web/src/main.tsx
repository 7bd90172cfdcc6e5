import { KapasProvider, Toaster } from '@kapas/ui';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { clients, router } from './router';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');

createRoot(root).render(
  <StrictMode>
    <KapasProvider clients={clients}>
      <RouterProvider router={router} />
      <Toaster />
    </KapasProvider>
  </StrictMode>,
);
