/* eslint-disable no-undef */
// The task pane with an in-memory Excel host, for the end-to-end tests in headless Chromium. The page
// is the pane's own taskpane.html (same Content-Security-Policy) without the Office.js script, whose
// place the in-memory host takes, and with the scrollbar of Excel on Windows: classic, 17 px wide and
// always there, so every width the tests check is the pane's worst case (a scrollbar takes its width
// from the pane's; Chromium on Linux draws a thinner one, and Playwright hides them unless told).
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const path = require("path");
const { withConnectSources } = require("./tools/m365");

// The Office.js tag: the comment before it and a script whose src is an https URL ending in
// /office.js (the CDN's address changes: appsforoffice.microsoft.com, then
// officeapis.public.onecdn.static.microsoft in September 2026).
const OFFICE_JS =
  /\s*<!-- Office JavaScript API[^>]*-->\s*<script[^>]*\bsrc="https:\/\/[^"\s]+\/office\.js"[^>]*><\/script>/;

const CLASSIC_SCROLLBARS = `<style>
      html { overflow-y: scroll; }
      ::-webkit-scrollbar { width: 17px; height: 17px; background-color: #f0f0f0; }
      ::-webkit-scrollbar-thumb { background-color: #c2c2c2; border: 4px solid #f0f0f0; }
    </style>
  `;

function testPage() {
  const html = fs.readFileSync(path.join(__dirname, "src/taskpane/taskpane.html"), "utf8");
  if (!OFFICE_JS.test(html))
    throw new Error("taskpane.html: the Office.js script tag was not found");
  const page = html.replace(OFFICE_JS, "");
  if (/<script[^>]*office\.js/i.test(page))
    throw new Error("taskpane.html: a second Office.js script tag");
  if (!page.includes("</head>")) throw new Error("taskpane.html: no </head>");
  return page.replace("</head>", `${CLASSIC_SCROLLBARS}</head>`);
}

// `--env bench`: the same page as the pane ships it (production React and Fluent UI, minified) in
// dist-bench, for the pane's figure in `npm run bench`; the tests' bundle is a development one.
module.exports = (env = {}) => ({
  mode: env.bench ? "production" : "development",
  devtool: false,
  entry: { host: "./test/e2e/host/index.tsx" },
  output: {
    path: path.resolve(__dirname, env.bench ? "dist-bench" : "dist-e2e"),
    clean: true,
    filename: "[name].js",
  },
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true } },
      },
      // As in webpack.config.js: the domain core has no import side effects.
      { test: /[\\/]src[\\/]domain[\\/]/, sideEffects: false },
    ],
  },
  performance: { hints: false },
  plugins: [
    new HtmlWebpackPlugin({ filename: "index.html", templateContent: testPage() }),
    // The pane as a Microsoft 365 build makes it, its policy opened to the local Graph stand-in
    // (test/graph/standin.ts) on this computer's ports in place of Graph, SharePoint and the sign-in host.
    new HtmlWebpackPlugin({
      filename: "m365.html",
      templateContent: withConnectSources(testPage(), ["http://127.0.0.1:*"]),
    }),
  ],
});
