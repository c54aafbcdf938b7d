/* eslint-disable no-undef */
// The task pane with an in-memory Excel host, for the end-to-end tests in headless Chromium. The page
// is the pane's own taskpane.html (same Content-Security-Policy) without the Office.js script, whose
// place the in-memory host takes.
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const path = require("path");

const OFFICE_JS = /\s*<!-- Office JavaScript API[^>]*-->\s*<script[^>]*appsforoffice[^>]*><\/script>/;

function testPage() {
  const html = fs.readFileSync(path.join(__dirname, "src/taskpane/taskpane.html"), "utf8");
  if (!OFFICE_JS.test(html)) throw new Error("taskpane.html: the Office.js script tag was not found");
  return html.replace(OFFICE_JS, "");
}

module.exports = {
  mode: "development",
  devtool: false,
  entry: { host: "./test/e2e/host/index.tsx" },
  output: { path: path.resolve(__dirname, "dist-e2e"), clean: true, filename: "[name].js" },
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
  module: {
    rules: [
      { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
      // As in webpack.config.js: the domain core has no import side effects.
      { test: /[\\/]src[\\/]domain[\\/]/, sideEffects: false },
    ],
  },
  performance: { hints: false },
  plugins: [new HtmlWebpackPlugin({ filename: "index.html", templateContent: testPage() })],
};
