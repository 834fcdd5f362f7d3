import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The base styles first, so a feature's own stylesheet (imported by its page) can refine them.
import './styles.css';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
