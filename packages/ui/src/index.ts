// Shared React components of the Otklik web app.
export {};
