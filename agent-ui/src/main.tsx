import '@codegouvfr/react-dsfr/main.css';
import './app/console.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

startReactDsfr({ defaultColorScheme: 'system' });

const rootElement = document.getElementById('root');
if (rootElement === null) {
  throw new Error('index.html has no #root element');
}
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
