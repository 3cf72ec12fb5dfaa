// Settings for the staging box.
export default {
  port: 8080,
  host: '127.0.0.1',
};
