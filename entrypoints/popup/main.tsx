import { render } from 'preact';
import '@/components/theme.css';
import './popup.css';
import { App } from './App';
import { applyPageLanguage } from '@/utils/i18n';

applyPageLanguage();
render(<App />, document.getElementById('app')!);
