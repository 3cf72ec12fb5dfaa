// Express is this app's web server: a library it declares and starts itself.
import express from 'express';

const products = [
  { id: 1, name: 'Mooring line', price: 24 },
  { id: 2, name: 'Fender', price: 39 },
];

const app = express();

app.get('/', (request, response) => {
  response.json({ service: 'catalog', products });
});

const port = Number(process.env.PORT ?? 5000);
app.listen(port, () => {
  console.log(`catalog service listening on port ${port}`);
});
