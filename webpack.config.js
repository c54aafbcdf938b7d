/* eslint-disable no-undef */
const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const path = require("path");
const fs = require("fs");
const webpack = require("webpack");
const { productionManifest } = require("./tools/manifest");
const { m365Config, m365Page } = require("./tools/m365");

const urlProd = process.env.ADDIN_PUBLIC_URL || "https://www.contoso.com/"; // set ADDIN_PUBLIC_URL for deployment

async function getHttpsOptions() {
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  // The central office's Microsoft 365 settings (ADDIN_M365_…, docs/m365-setup.md); null: a build
  // without them, whose pane reaches no one but its own server.
  const m365 = m365Config(process.env, dev ? "https://localhost:3000/" : urlProd);
  const pane = m365Page(fs.readFileSync(path.join(__dirname, "src/taskpane/taskpane.html"), "utf8"), m365);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: ["./src/taskpane/index.tsx"],
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        {
          // The domain core is pure (no module runs anything on import): a view's chunk takes only
          // the modules it uses, not everything src/domain/index.ts re-exports (the central report's
          // model stays with the report download).
          test: /[\\/]src[\\/]domain[\\/]/,
          sideEffects: false,
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        templateContent: pane,
        chunks: ["taskpane"],
      }),
      new webpack.DefinePlugin({ __ITA_M365__: JSON.stringify(m365) }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          { from: "src/help/help.html", to: "help.html" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : productionManifest(content.toString(), urlProd);
            },
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await getHttpsOptions(),
      },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
};
