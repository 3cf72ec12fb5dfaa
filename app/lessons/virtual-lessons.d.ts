declare module 'virtual:lessons' {
  const lessons: import('./types.ts').ClientLesson[];
  export default lessons;
}
