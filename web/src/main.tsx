import '@codegouvfr/react-dsfr/dsfr/dsfr.min.css';
// Only the icon families the page uses: all of them (react-dsfr's main.css) add 1.7 MB of inlined SVG to the CSS.
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-business/icons-business.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-communication/icons-communication.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-system/icons-system.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons-user/icons-user.main.min.css';
import './app/app.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

startReactDsfr({ defaultColorScheme: 'system' });

const container = document.getElementById('root');
if (container === null) {
  throw new Error('index.html has no #root element');
}
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
