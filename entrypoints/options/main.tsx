import { render } from 'preact';
import { installVisibleText } from '@/components/visible-text';
import { OptionsPage } from '@/components/pages/OptionsPage';
import { requestNotificationPermission } from '@/lib/browser/notifications';
import { mirrorLookHere } from '@/lib/browser/look';
import { languageModelAvailability } from '@/lib/browser/language-model';
import { localStorageArea, onSettingsChange, syncSettingsStorage } from '@/lib/browser/settings-storage';
import { OptionsModel } from '@/lib/models/options';
import { DataTransferModel } from '@/lib/models/data-transfer';
import { DATA_SCRIPT_GLOBAL, type DataOperations, type DataScript } from '@/lib/shared/data-script';
import { loadScriptGlobal } from '@/lib/browser/script-loader';
import { signal } from '@preact/signals';
import type { RequestCountsModel } from '@/lib/models/request-counts';
import { requestCountsModel } from './request-counts';
import { pageReady } from '@/components/useReadyMarker';
import '@/components/styles/pages/options.css';

// Before anything renders: no invisible character reaches the screen, whatever was stored (issue #9).
installVisibleText();

const model = new OptionsModel({
  storage: syncSettingsStorage,
  local: localStorageArea,
  onExternalChange: onSettingsChange,
  onSettings: mirrorLookHere,
  modelAvailability: () => languageModelAvailability(),
});
// Export, import and clear bring Dexie and the codec: a script of their own, loaded on the first click (issue #10).
const loadDataScript = () => loadScriptGlobal<DataScript>('/data-transfer.js', DATA_SCRIPT_GLOBAL);
let operations: Promise<DataOperations> | undefined;
const data = new DataTransferModel({
  operations: () =>
    (operations ??= loadDataScript()
      .then((script) => script.dataOperations())
      .catch((error: unknown) => {
        operations = undefined; // the next click tries again
        throw error;
      })),
  download: (fileName, text) => void loadDataScript().then((script) => script.downloadJson(fileName, text)),
  now: () => new Date(),
});
// The requests made to each source (issue #12), read once the page is ready: not on its first paint.
const requests = signal<RequestCountsModel | undefined>(undefined);
void pageReady.then(() => (requests.value = requestCountsModel()));
render(<OptionsPage model={model} data={data} requests={requests} requestNotifications={requestNotificationPermission} />, document.getElementById('app')!);
