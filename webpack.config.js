/**
 * Builds the add-in's pages: the task pane, the ribbon commands (and their message dialog), the help page and, in
 * development, the playground (the task pane beside a sample workbook, without Excel).
 *
 *   npm start        development server on https://localhost:3000 (office.js from the local @microsoft/office-js copy)
 *   npm run build    production build in dist/web (office.js from Microsoft's CDN, manifest rewritten to ADDIN_ORIGIN)
 *
 * Every page carries a Content-Security-Policy that lets it load nothing from any other origin, but Microsoft's
 * office.js CDN in production pages.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_ORIGIN = "https://localhost:3000";
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The policy for a page: its own origin only; Microsoft's office.js CDN too in production. */
function contentSecurityPolicy(production) {
  const script = production ? "'self' https://appsforoffice.microsoft.com" : "'self'";
  return [
    "default-src 'self'",
    `script-src ${script}`,
    // Fluent UI (Griffel) inserts its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** Where `npm start` serves the playground. */
function playgroundAddress(port) {
  return `https://localhost:${port}/playground.html`;
}

/** Certificates from `office-addin-dev-certs install`, when present; else the dev server makes its own. */
function devCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return undefined;
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

/**
 * The command line as one file for Node, dist/cli/main.js (`npm run build:cli`), with zod inside: a run loads one
 * file instead of several hundred modules, which takes about 0.2 s off every command. It needs no exceljs: it reads
 * workbooks and writes refreshed copies itself (src/cli), so the file is about 820 KB (the engine 364 KB, zod 263,
 * the command line 176).
 */
function commandLine() {
  return {
    name: "cli",
    mode: "production",
    target: "node20",
    devtool: false,
    entry: { main: "./src/cli/main.ts" },
    output: { path: path.resolve(__dirname, "dist", "cli"), filename: "[name].js", library: { type: "commonjs2" }, clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.cli.json", compilerOptions: { module: "esnext", moduleResolution: "bundler" } } },
        },
      ],
    },
    // Readable stack traces and a quick build; minifying loads no faster.
    optimization: { minimize: false },
    // Keep Node's own __dirname and __filename.
    node: { __dirname: false, __filename: false },
    performance: { hints: false },
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }), codeCache],
    stats: "errors-warnings",
  };
}

/**
 * After the command line is built, its V8 code cache is made beside it (scripts/cli-code-cache.js); if that fails, one
 * line says so and the build stands.
 */
const codeCache = {
  apply(compiler) {
    compiler.hooks.done.tap("code cache", (stats) => {
      if (!stats.hasErrors()) require("./scripts/cli-code-cache").makeCodeCacheOrWarn();
    });
  },
};

module.exports = (env = {}, argv = {}) => {
  if (env.cli) return commandLine();
  const production = argv.mode === "production";
  const playground = env.playground !== undefined ? env.playground !== "false" : !production;
  const outDir = env.out ? path.resolve(env.out) : path.resolve(__dirname, "dist", production ? "web" : "dev");
  const officeJs = production ? OFFICE_CDN : "office/office.js";
  const csp = contentSecurityPolicy(production);
  const page = (name, template, chunks) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks, templateParameters: { officeJs, csp }, scriptLoading: "defer", inject: "body" });

  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/commands/commands.ts",
    dialog: "./src/commands/dialog.ts",
    report: "./src/taskpane/report-page.ts",
  };
  const pages = [
    page("taskpane", "./src/taskpane/taskpane.html", ["taskpane"]),
    page("commands", "./src/commands/commands.html", ["commands"]),
    page("dialog", "./src/commands/dialog.html", ["dialog"]),
    // The committee report, opened in an Office dialog by the task pane (a new window in the playground).
    page("report", "./src/taskpane/report.html", ["report"]),
    page("help", "./src/taskpane/help.html", []),
  ];
  if (playground) {
    entry.playground = "./src/playground/index.tsx";
    pages.push(page("playground", "./src/playground/playground.html", ["playground"]));
  }

  const copies = [{ from: "assets/*.png", to: "assets/[name][ext]" }];
  if (playground) copies.push({ from: "assets/samples/*.xlsx", to: "samples/[name][ext]" });
  if (!production) {
    // What office.js loads in Excel (its host table, Excel's scripts, English strings), never the 87 MB of every
    // host's scripts and debug copies; already minified.
    const officeDist = path.dirname(require.resolve("@microsoft/office-js/dist/office.js")).replace(/\\/g, "/");
    const ignore = ["**/*.debug.js"];
    for (const from of ["office.js", "o15apptofilemappingtable.js", "excel-*-16.0*.js", "en-us/*.js"]) {
      copies.push({ from: `${officeDist}/${from}`, to: `office/${from.includes("/") ? "en-us/" : ""}[name][ext]`, info: { minimized: true }, globOptions: { ignore } });
    }
  }
  copies.push({
    from: "manifest.xml",
    to: "manifest.xml",
    transform: production
      ? (content) => {
          require("ts-node").register({ transpileOnly: true });
          const { productionManifest } = require("./scripts/manifest/production-manifest.ts");
          return productionManifest(content.toString(), process.env.ADDIN_ORIGIN || "https://addin.example.org/milestone-monitor");
        }
      : undefined,
  });

  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry,
    output: { path: outDir, filename: "[name].[contenthash:8].js", clean: true },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // A dynamic import names its module as Node's ES modules want it (`./report.js`), which is the .ts file here.
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
      // The playground opens .xlsx files in the browser with exceljs's own browser build.
      alias: playground ? { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js") } : {},
      fallback: { fs: false, "fs/promises": false, path: false, os: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false, sourceMap: !production } },
          },
        },
      ],
    },
    plugins: [
      ...pages,
      new CopyWebpackPlugin({ patterns: copies }),
      // The playground's in-memory workbook (src/office-sim) names one Node module, "node:crypto", for sheet passwords,
      // which the playground never uses: none in a page.
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
    ],
    performance: { hints: false },
    optimization: { splitChunks: false },
    devServer: {
      port: 3000,
      server: { type: "https", options: devCertificates() },
      headers: { "Access-Control-Allow-Origin": "*", "Content-Security-Policy": csp },
      static: false,
      hot: false,
      liveReload: false,
      client: false,
      // The playground: a sample plan beside the task pane, no Excel needed.
      open: env.open === "false" ? false : ["/playground.html"],
      // Its address, also where no browser can be opened (a server, a container): webpack-dev-server only names the root.
      onListening: (devServer) => devServer.logger.info(`Playground: ${playgroundAddress(devServer.server.address().port)}`),
    },
  };
};

module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.DEV_ORIGIN = DEV_ORIGIN;
