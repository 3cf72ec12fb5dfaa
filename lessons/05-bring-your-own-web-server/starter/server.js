// Express is installed on every build agent and server we run, so there is no need to list it
// in package.json. (This is the assumption to question.)
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
