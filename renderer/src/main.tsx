// Installs React Fast Refresh from a module in dev mode (the inline preamble is refused by the CSP);
// an empty module in production builds.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { App } from './components/App';
import { MissingBridge } from './components/MissingBridge';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(<StrictMode>{api ? <App api={api} /> : <MissingBridge />}</StrictMode>);
}
