import { render } from 'preact';
import '@/components/theme.css';
import './popup.css';
import { App } from './App';
import { applyPageLanguage } from '@/utils/i18n';
import { firstPaint } from './first-paint';

applyPageLanguage();
// The first paint waits only for what the browser already holds (a few milliseconds), never for the service worker.
void firstPaint().then((start) => render(<App start={start} />, document.getElementById('app')!));
