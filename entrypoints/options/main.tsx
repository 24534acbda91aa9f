import { render } from 'preact';
import { installVisibleText } from '@/components/visible-text';
import { OptionsPage } from '@/components/pages/OptionsPage';
import { requestNotificationPermission } from '@/lib/browser/notifications';
import { localStorageArea, onSettingsChange, syncSettingsStorage } from '@/lib/browser/settings-storage';
import { OptionsModel } from '@/lib/models/options';
import { DataTransferModel, type DataOperations } from '@/lib/models/data-transfer';
import '@/components/styles/pages/options.css';

// Before anything renders: no invisible character reaches the screen, whatever was stored (issue #9).
installVisibleText();

const model = new OptionsModel({ storage: syncSettingsStorage, local: localStorageArea, onExternalChange: onSettingsChange });
// Export, import and clear bring Dexie and the codec: loaded on the first click, once (issue #10).
const dataModule = () => import('./data-operations');
let operations: Promise<DataOperations> | undefined;
const data = new DataTransferModel({
  operations: () => (operations ??= dataModule().then((module) => module.dataOperations())),
  download: (fileName, text) => void dataModule().then((module) => module.downloadJson(fileName, text)),
  now: () => new Date(),
});
render(<OptionsPage model={model} data={data} requestNotifications={requestNotificationPermission} />, document.getElementById('app')!);
