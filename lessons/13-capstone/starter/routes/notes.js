import { Router } from 'express';

export const notes = Router();

// Kept in memory to keep the lesson small. A real app keeps state in a backing service
// (a database), so that every instance sees the same notes.
const entries = [{ id: 1, text: 'Pilot boards at the outer buoy.' }];

notes.get('/', (request, response) => {
  response.json(entries);
});

notes.post('/', (request, response) => {
  const text = String(request.body?.text ?? '').trim();
  if (!text) return response.status(400).json({ error: 'a note needs some text' });
  const entry = { id: entries.length + 1, text };
  entries.push(entry);
  response.status(201).json(entry);
});
