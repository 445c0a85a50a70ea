// Entry point of the Otklik web app.
import '@otklik/ui/styles.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/board.css';
import './styles/notifications.css';
import './styles/case.css';
import './styles/inbox.css';
import './styles/register.css';
import './styles/wall.css';
import './styles/admin.css';
import './styles/extras.css';
import { installValidationMessages } from '@otklik/contract';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { router } from './router';
import { useUi } from './stores/ui';

installValidationMessages();

document.documentElement.lang = useUi.getState().lang;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
