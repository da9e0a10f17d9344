import type { fileChannels } from '../../../shared/ipc/files';
import type { Hunter } from '../../app/create-hunter';
import { exportLeads } from '../../services/export-leads';
import { commitImport, planImportFile } from '../../services/import-file';
import type { HandlersFor } from '../dispatch';

const fileBytes = (base64: string) => Buffer.from(base64, 'base64');

export function fileHandlers({
  store,
  bus,
  resources,
  settings,
  config,
  openedFiles,
}: Hunter): HandlersFor<typeof fileChannels> {
  return {
    'import.preview': async ({ file_name, content_base64 }) =>
      (await planImportFile(file_name, fileBytes(content_base64), resources)).preview,
    'import.commit': async ({ file_name, content_base64 }) => {
      const plan = await planImportFile(file_name, fileBytes(content_base64), resources);
      const result = commitImport(store, file_name, plan);
      bus.emit('leads.changed', { domains: plan.leads.map((l) => l.domain) });
      return result;
    },
    'export.leads': async ({ query, format }) => {
      // the export speaks the app's language: Turkish headers, labels, ';' and local times in TR
      const file = await exportLeads({ store, resources, settings, config }, query, {
        format,
        lang: settings.get().language,
      });
      return { file_name: file.file_name, content_base64: file.content.toString('base64'), rows: file.rows };
    },
    'files.take_opened': () => openedFiles.take(),
  };
}
