import { render } from 'preact';
import '@/components/shared/theme.css';
import './dashboard.css';
import { App } from './App';
import { applyPageLanguage } from '@/utils/i18n';

applyPageLanguage();
render(<App />, document.getElementById('app')!);
