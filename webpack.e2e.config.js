/* eslint-disable no-undef */
// The task pane with an in-memory Excel host, for the end-to-end tests in headless Chromium.
const HtmlWebpackPlugin = require("html-webpack-plugin");
const path = require("path");

module.exports = {
  mode: "development",
  devtool: false,
  entry: { host: "./test/e2e/host/index.tsx" },
  output: { path: path.resolve(__dirname, "dist-e2e"), clean: true, filename: "[name].js" },
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
  module: {
    rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } }],
  },
  performance: { hints: false },
  plugins: [new HtmlWebpackPlugin({ filename: "index.html", template: "./test/e2e/host/index.html" })],
};
