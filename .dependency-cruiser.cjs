// The layers, checked by a tool on every test run (test/unit/layers.test.ts):
//   shared ← engine ← store ← services/integrations ← app (composition root) ← ipc, cli, bridge ← shell
// plus the process boundaries: Electron only in the shell and the preload, the renderer reaches main only through
// the IPC contract in shared/.
const LOW_LAYERS =
  '^main/(core|config|engine|store|services|integrations|flags|platform|sales|import|security|ops|update)/';
const FRONT_ENDS = '^main/(ipc|cli|bridge|shell)/|^main/(index|web-main)\\.ts$|^main/app/create-hunter\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Import cycles, type-only ones included, make layers meaningless and start-up order fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-imports-nothing-of-main-or-renderer',
      severity: 'error',
      comment: 'shared/ is the contract both processes compile; it cannot know either side.',
      from: { path: '^shared/' },
      to: { path: '^(main|renderer|preload)/' },
    },
    {
      name: 'engine-is-pure',
      severity: 'error',
      comment: "The engine turns signals into verdicts; storage, services and Electron are the callers' business.",
      from: { path: '^main/engine/' },
      to: {
        path: '^main/(store|services|integrations|app|ipc|cli|bridge|shell|flags|platform|ops|update)/|^main/(index|web-main)\\.ts$',
      },
    },
    {
      name: 'store-knows-no-services',
      severity: 'error',
      from: { path: '^main/store/' },
      to: { path: '^main/(services|integrations|app|ipc|cli|bridge|shell|ops|update)/' },
    },
    {
      name: 'lower-layers-know-no-front-end',
      severity: 'error',
      comment:
        'Services and integrations take narrow dependencies; the composition root and the front ends sit above them.',
      from: { path: LOW_LAYERS },
      to: { path: FRONT_ENDS },
    },
    {
      name: 'electron-only-in-shell-and-preload',
      severity: 'error',
      comment: 'Everything but the thin shell runs under plain Node (CLI, web bridge, tests).',
      from: { pathNot: '^main/index\\.ts$|^main/shell/|^preload/' },
      to: { path: '^node_modules/electron/|^electron$|^node_modules/electron-log/src/main/' },
    },
    {
      name: 'renderer-reaches-main-only-through-the-contract',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(main|preload)/' },
    },
    {
      name: 'preload-reaches-only-the-contract',
      severity: 'error',
      from: { path: '^preload/' },
      to: { path: '^(main|renderer)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test|bench)/' },
    // type-only imports count: a cycle through types is still a cycle
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
