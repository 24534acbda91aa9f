import { render } from 'preact';
import { installVisibleText } from '@/components/visible-text';
import { OptionsPage } from '@/components/pages/OptionsPage';
import { requestNotificationPermission } from '@/lib/browser/notifications';
import { localStorageArea, onSettingsChange, syncSettingsStorage } from '@/lib/browser/settings-storage';
import { OptionsModel } from '@/lib/models/options';
import '@/components/styles/pages/options.css';

// Before anything renders: no invisible character reaches the screen, whatever was stored (issue #9).
installVisibleText();

const model = new OptionsModel({ storage: syncSettingsStorage, local: localStorageArea, onExternalChange: onSettingsChange });
render(<OptionsPage model={model} requestNotifications={requestNotificationPermission} />, document.getElementById('app')!);
